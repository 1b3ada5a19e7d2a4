/* CPython's five golden-test cases (its cases 0 to 4, in this order). */

    case NOTHING: {
        break;
    }

    case JUMP_IF_OPARG: {
        if (OPARG) {
            JUMP_TO(_JIT_JUMP_TARGET);
        }
        break;
    }

    case ERROR_IF_OPARG: {
        if (OPARG) {
            JUMP_TO(_JIT_ERROR_TARGET);
        }
        break;
    }

    case LEAVE_AT_TARGET: {
        LEAVE_TO_INTERPRETER(OPERAND0 + TARGET);
        break;
    }

    case ENTER_OPERAND1: {
        ENTER_EXECUTOR(OPERAND1);
        break;
    }
