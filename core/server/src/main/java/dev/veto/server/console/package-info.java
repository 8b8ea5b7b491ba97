/** The reviewer console: its page and its session-authenticated API over the store's review queue. */
package dev.veto.server.console;
