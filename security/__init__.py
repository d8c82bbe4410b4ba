"""Accounts, sign-in and sessions, the tamper-evident audit log and the screening
alerts queue: what the dashboard and the CLI share about who may do what."""
