package dev.parley.conversation.lifecycle.domain;

import java.util.UUID;

/** A request to move a conversation, with what the action needs. */
public sealed interface LifecycleCommand {

    LifecycleAction action();

    record TalkToAgent() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.TALK_TO_AGENT; }
    }

    /** From the assignment worker: only an ONLINE agent with a free seat wins. */
    record Assign(UUID agentId) implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.ASSIGN; }
    }

    record Accept() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.ACCEPT; }
    }

    record TransferToAgent(UUID agentId) implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.TRANSFER_TO_AGENT; }
    }

    record TransferToDepartment(UUID departmentId) implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.TRANSFER_TO_DEPARTMENT; }
    }

    /** The owner went offline; back to the queue, ahead of others. */
    record Requeue() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.REQUEUE; }
    }

    record WaitOnCustomer() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.WAIT_ON_CUSTOMER; }
    }

    /** The customer wrote: waiting ends, a resolved conversation reopens. */
    record CustomerReplied() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.CUSTOMER_REPLIED; }
    }

    record Resolve() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.RESOLVE; }
    }

    record Close() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.CLOSE; }
    }

    record Reopen() implements LifecycleCommand {
        public LifecycleAction action() { return LifecycleAction.REOPEN; }
    }
}
