package dev.parley.conversation.directory.domain;

/** An agent's availability; only ONLINE agents get new conversations. */
public enum AgentStatus { ONLINE, AWAY, BUSY, OFFLINE }
