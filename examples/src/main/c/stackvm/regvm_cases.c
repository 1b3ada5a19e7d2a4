/* The register VM's instructions. DEPTH is the stack depth before the instruction; a case that
   also names a local has the variant AT = DEPTH * 4 + LOCAL. Arithmetic wraps like Java's. */

    case PUSH_CONST(DEPTH = 0..3): {
        s[DEPTH] = VALUE;
        break;
    }

    case LOAD_LOCAL(AT = 0..15): {
        s[AT / 4] = l[AT % 4];
        break;
    }

    case STORE_LOCAL(AT = 4..19): {
        l[AT % 4] = s[AT / 4 - 1];
        break;
    }

    case ADD(DEPTH = 2..4): {
        s[DEPTH - 2] = (int64_t)((uint64_t)s[DEPTH - 2] + (uint64_t)s[DEPTH - 1]);
        break;
    }

    case SUB(DEPTH = 2..4): {
        s[DEPTH - 2] = (int64_t)((uint64_t)s[DEPTH - 2] - (uint64_t)s[DEPTH - 1]);
        break;
    }

    case MUL(DEPTH = 2..4): {
        s[DEPTH - 2] = (int64_t)((uint64_t)s[DEPTH - 2] * (uint64_t)s[DEPTH - 1]);
        break;
    }

    case LESS_THAN(DEPTH = 2..4): {
        s[DEPTH - 2] = s[DEPTH - 2] < s[DEPTH - 1];
        break;
    }

    case JUMP: {
        JUMP_TO_TARGET();
    }

    case JUMP_IF_FALSE(DEPTH = 1..4): {
        if (s[DEPTH - 1] == 0) {
            JUMP_TO_TARGET();
        }
        break;
    }

    case CALL_HOST(DEPTH = 1..4): {
        s[DEPTH - 1] = regvm_square(s[DEPTH - 1]);
        break;
    }

    case PUSH_PRIME(DEPTH = 0..3): {
        static const int64_t primes[16] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};
        s[DEPTH] = primes[INDEX & 15];
        break;
    }

    case RETURN(DEPTH = 1..4): {
        return s[DEPTH - 1];
    }

    /* Superinstructions: sequences the JIT fuses when no jump goes into them. DEPTH is the
       stack depth before the sequence. */

    /* PUSH_CONST VALUE; ADD */
    case ADD_CONST(DEPTH = 1..3): {
        s[DEPTH - 1] = (int64_t)((uint64_t)s[DEPTH - 1] + (uint64_t)VALUE);
        break;
    }

    /* PUSH_CONST VALUE; SUB */
    case SUB_CONST(DEPTH = 1..3): {
        s[DEPTH - 1] = (int64_t)((uint64_t)s[DEPTH - 1] - (uint64_t)VALUE);
        break;
    }

    /* PUSH_CONST VALUE; MUL */
    case MUL_CONST(DEPTH = 1..3): {
        s[DEPTH - 1] = (int64_t)((uint64_t)s[DEPTH - 1] * (uint64_t)VALUE);
        break;
    }

    /* LESS_THAN; JUMP_IF_FALSE TARGET */
    case JUMP_IF_NOT_LESS(DEPTH = 2..4): {
        if (!(s[DEPTH - 2] < s[DEPTH - 1])) {
            JUMP_TO_TARGET();
        }
        break;
    }

    /* PUSH_CONST VALUE; LESS_THAN; JUMP_IF_FALSE TARGET */
    case JUMP_IF_NOT_LESS_CONST(DEPTH = 1..3): {
        if (!(s[DEPTH - 1] < VALUE)) {
            JUMP_TO_TARGET();
        }
        break;
    }

    /* Superinstructions on the locals alone: the stack is as before the sequence, so they need
       no variant per depth. */

    /* LOAD_LOCAL A; STORE_LOCAL C, AT = A * 4 + C */
    case MOVE_LOCAL(AT = 0..15): {
        l[AT % 4] = l[AT / 4];
        break;
    }

    /* LOAD_LOCAL A; LOAD_LOCAL B; ADD; STORE_LOCAL C, AT = A * 16 + B * 4 + C */
    case ADD_LOCALS(AT = 0..63): {
        l[AT % 4] = (int64_t)((uint64_t)l[AT / 16] + (uint64_t)l[AT / 4 % 4]);
        break;
    }

    /* LOAD_LOCAL A; LOAD_LOCAL B; MUL; STORE_LOCAL C, AT = A * 16 + B * 4 + C */
    case MUL_LOCALS(AT = 0..63): {
        l[AT % 4] = (int64_t)((uint64_t)l[AT / 16] * (uint64_t)l[AT / 4 % 4]);
        break;
    }

    /* LOAD_LOCAL A; PUSH_CONST VALUE; ADD; STORE_LOCAL C, AT = A * 4 + C */
    case ADD_CONST_LOCAL(AT = 0..15): {
        l[AT % 4] = (int64_t)((uint64_t)l[AT / 4] + (uint64_t)VALUE);
        break;
    }

    /* LOAD_LOCAL A; PUSH_CONST VALUE; SUB; STORE_LOCAL C, AT = A * 4 + C */
    case SUB_CONST_LOCAL(AT = 0..15): {
        l[AT % 4] = (int64_t)((uint64_t)l[AT / 4] - (uint64_t)VALUE);
        break;
    }

    /* LOAD_LOCAL LOCAL; PUSH_CONST VALUE; LESS_THAN; JUMP_IF_FALSE TARGET */
    case JUMP_IF_NOT_LOCAL_LESS_CONST(LOCAL = 0..3): {
        if (!(l[LOCAL] < VALUE)) {
            JUMP_TO_TARGET();
        }
        break;
    }

    /* PUSH_CONST VALUE; LOAD_LOCAL LOCAL; LESS_THAN; JUMP_IF_FALSE TARGET */
    case JUMP_IF_NOT_CONST_LESS_LOCAL(LOCAL = 0..3): {
        if (!(VALUE < l[LOCAL])) {
            JUMP_TO_TARGET();
        }
        break;
    }

    /* LOAD_LOCAL A; LOAD_LOCAL B; LESS_THAN; JUMP_IF_FALSE TARGET, AT = A * 4 + B */
    case JUMP_IF_NOT_LOCALS_LESS(AT = 0..15): {
        if (!(l[AT / 4] < l[AT % 4])) {
            JUMP_TO_TARGET();
        }
        break;
    }

    /* The same with the constants loops count with, which need no hole: */

    /* LOAD_LOCAL LOCAL; PUSH_CONST 1; ADD; STORE_LOCAL LOCAL */
    case INCREMENT_LOCAL(LOCAL = 0..3): {
        l[LOCAL] = (int64_t)((uint64_t)l[LOCAL] + 1);
        break;
    }

    /* LOAD_LOCAL LOCAL; PUSH_CONST 1; SUB; STORE_LOCAL LOCAL */
    case DECREMENT_LOCAL(LOCAL = 0..3): {
        l[LOCAL] = (int64_t)((uint64_t)l[LOCAL] - 1);
        break;
    }

    /* PUSH_CONST 0; LOAD_LOCAL LOCAL; LESS_THAN; JUMP_IF_FALSE TARGET */
    case JUMP_IF_LOCAL_NOT_POSITIVE(LOCAL = 0..3): {
        if (!(0 < l[LOCAL])) {
            JUMP_TO_TARGET();
        }
        break;
    }
