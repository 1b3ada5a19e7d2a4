/* Included by the template and the shim; StencilRebuildTest changes ADDEND. */
#ifndef CALC_H
#define CALC_H
#include <stdint.h>
#define STENCIL_CC __attribute__((preserve_none))
#define ADDEND 0x11223344
#endif
