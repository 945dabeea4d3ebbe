package org.licensecentral.localstack;

/** A reason the stack cannot start, said to the person who started it. */
class StackException extends RuntimeException {

    StackException(String message) {
        super(message);
    }
}
