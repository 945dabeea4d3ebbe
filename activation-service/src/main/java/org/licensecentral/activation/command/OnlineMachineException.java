package org.licensecentral.activation.command;

/** A lost-machine release asked for an online machine, which a plain deactivation frees without using the limit. */
public class OnlineMachineException extends RuntimeException {

    public OnlineMachineException() {
        super("This machine was activated online: deactivate it instead; it stops at its next check-in.");
    }
}
