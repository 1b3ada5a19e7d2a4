    case ADD: {
        acc += ADDEND;
        break;
    }

    case RETURN: {
        return acc;
    }
