/* The stack VM's instructions, one stencil each. Arithmetic wraps (unsigned) like Java's. */

    case PUSH_CONST: {
        *sp++ = VALUE;
        break;
    }

    case LOAD_LOCAL: {
        *sp++ = locals[INDEX];
        break;
    }

    case STORE_LOCAL: {
        locals[INDEX] = *--sp;
        break;
    }

    case ADD: {
        sp--;
        sp[-1] = (int64_t)((uint64_t)sp[-1] + (uint64_t)sp[0]);
        break;
    }

    case SUB: {
        sp--;
        sp[-1] = (int64_t)((uint64_t)sp[-1] - (uint64_t)sp[0]);
        break;
    }

    case MUL: {
        sp--;
        sp[-1] = (int64_t)((uint64_t)sp[-1] * (uint64_t)sp[0]);
        break;
    }

    case LESS_THAN: {
        sp--;
        sp[-1] = sp[-1] < sp[0];
        break;
    }

    case JUMP: {
        JUMP_TO_TARGET();
    }

    case JUMP_IF_FALSE: {
        if (*--sp == 0) {
            JUMP_TO_TARGET();
        }
        break;
    }

    case CALL_HOST: {
        sp[-1] = stackvm_host_square(sp[-1]);
        break;
    }

    case PUSH_PRIME: {
        static const int64_t primes[16] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53};
        *sp++ = primes[INDEX & 15];
        break;
    }

    case RETURN: {
        return sp[-1];
    }
