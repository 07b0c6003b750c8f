"""The write path of the delivery ledger: recording each delivery's result on the wire
without waiting for the database's answer before the next mail.

``sending`` decides *what* to record; this module makes it cheap and keeps it going. On
PostgreSQL it talks libpq directly (server-side prepared statements, one query in flight);
elsewhere it is a plain cursor. Every write names the claim's owner token, so a worker that lost
its rows (lease expired, another worker took them) changes nothing. A dropped database
connection (restart, failover, a killed backend) is survived: the ledger reconnects and writes
the result again (each write is idempotent).
"""

import contextlib
import logging
import select
import time
import uuid

from django.db import connection
from django.db.utils import InterfaceError, OperationalError

from .models import Delivery

logger = logging.getLogger(__name__)


class ConnectionLost(Exception):
    """The database connection broke while a result write was in flight."""


# What a broken database connection raises on the way through Django or libpq.
CONNECTION_ERRORS = (ConnectionLost, OperationalError, InterfaceError)
try:
    import psycopg

    CONNECTION_ERRORS = (*CONNECTION_ERRORS, psycopg.OperationalError, psycopg.InterfaceError)
except ImportError:  # pragma: no cover - PostgreSQL is the supported database
    pass


def reconnect(give_up_after=30.0):
    """Throw away a broken connection and open a new one, waiting up to ``give_up_after``
    seconds for the database to come back (a restart or failover takes a few seconds)."""
    deadline = time.monotonic() + give_up_after
    delay = 0.1
    while True:
        with contextlib.suppress(Exception):
            connection.close()
        try:
            connection.ensure_connection()
            return
        except CONNECTION_ERRORS:
            if time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


def surviving_drops(operation, attempts=3):
    """Run ``operation()``; after a dropped connection, reconnect and run it again."""
    for attempt in range(attempts):
        try:
            return operation()
        except CONNECTION_ERRORS:
            if attempt == attempts - 1:
                raise
            logger.warning("newsletter: database connection lost, reconnecting")
            reconnect()


class ResultWriter:
    """Records each delivery's result right after the SMTP server answered, without waiting
    for the database's reply before the next mail: the UPDATE is on the wire (and commits on
    its own) before the next mail is sent, and its reply is read while that mail travels.
    A worker killed at any point therefore loses no recorded result; only the mail in flight
    can go out twice. On PostgreSQL this talks libpq directly; elsewhere it is a plain cursor."""

    def __init__(self):
        self.cursor = connection.cursor()
        self.pgconn = None
        self.pending = False
        self.prepared = {}
        if connection.vendor == "postgresql":
            self.pgconn = connection.connection.pgconn
            # Each result commits on its own; asynchronous commit makes that cheap. What it can
            # cost: a crash of the *database server* (not of a worker) can lose the results of
            # the last few hundred milliseconds (wal_writer_delay × 3 at most); those rows go
            # back to "sending", their lease runs out and they are sent again — duplicates of
            # at most that window, never a lost mail. See the README's newsletter section.
            self.cursor.execute("SET synchronous_commit TO OFF")

    def _statement(self, sql, count):
        """A server-side prepared statement per SQL text (parsed and planned once per batch)."""
        name = self.prepared.get(sql)
        if name is None:
            numbered = sql
            for i in range(1, count + 1):
                numbered = numbered.replace("%s", f"${i}", 1)
            name = f"nl_{uuid.uuid4().hex[:12]}".encode()
            self.pgconn.send_prepare(name, numbered.encode())
            self.pending = True
            self.wait()
            self.prepared[sql] = name
        return name

    def _next_result(self):
        """The next result of the query in flight, or None when it is complete. Waits for the
        server in ``select`` (which releases the GIL), never inside libpq (which would hold it
        and freeze the process's other sender threads while the database answers)."""
        pgconn = self.pgconn
        while True:
            pgconn.consume_input()
            if not pgconn.is_busy():
                return pgconn.get_result()
            select.select([pgconn.socket], [], [], 1.0)

    def _raise(self, message):
        from psycopg import pq

        text = (message or b"").decode(errors="replace")
        if self.pgconn.status != pq.ConnStatus.OK:
            raise ConnectionLost(text)
        raise RuntimeError(f"recording a delivery failed: {text}")

    def close(self):
        self.wait()
        if self.pgconn is not None:
            for name in self.prepared.values():
                self.cursor.execute(f"DEALLOCATE {name.decode()}")
            self.cursor.execute("SET synchronous_commit TO DEFAULT")
        self.prepared = {}
        self.cursor.close()

    def execute(self, sql, params):
        if self.pgconn is None:
            self.cursor.execute(sql, params)
            return
        self.wait()
        name = self._statement(sql, len(params))
        values = [
            None if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v)).encode() for v in params
        ]
        self.pgconn.send_query_prepared(name, values)
        self.pending = True

    def wait(self):
        """Read the reply of the last UPDATE (call before any other query on the connection)."""
        if not self.pending:
            return
        from psycopg import pq

        self.pending = False
        error = None
        while True:
            result = self._next_result()
            if result is None:
                break
            if result.status != pq.ExecStatus.COMMAND_OK:
                error = result.error_message or b"?"
        if error or self.pgconn.status != pq.ConnStatus.OK:
            self._raise(error)


class Ledger:
    """The result writes of one batch, each one row, each committed on its own, each only for
    a row this claim (``token``) still owns."""

    SUPPRESSED = (
        "UPDATE {table} SET status='suppressed', lease_until=NULL, last_error=%s WHERE id=%s AND claim_token=%s"
    )
    SENT = (
        "UPDATE {table} SET status='sent', attempts=%s, lease_until=NULL, sent_at=%s, message_id=%s, last_error='' "
        "WHERE id=%s AND claim_token=%s"
    )
    FAILED = (
        "UPDATE {table} SET status='failed', attempts=%s, lease_until=NULL, last_error=%s "
        "WHERE id=%s AND claim_token=%s"
    )
    RETRY = (
        "UPDATE {table} SET status='pending', attempts=%s, lease_until=NULL, next_attempt_at=%s, last_error=%s "
        "WHERE id=%s AND claim_token=%s"
    )

    def __init__(self, table, token):
        self.table = table
        self.token = token
        self.db_token = Delivery._meta.get_field("claim_token").get_db_prep_value(token, connection)
        self.sql = {}  # statement template → SQL with the table name, formatted once
        self.writer = None
        self.in_flight = None  # the last write, replayed if the connection broke under it

    def __enter__(self):
        self.writer = surviving_drops(ResultWriter)
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            with contextlib.suppress(Exception):
                self.wait()
            return
        self.wait()
        with contextlib.suppress(*CONNECTION_ERRORS):
            self.writer.close()

    def _reopen_and_replay(self):
        """After a dropped connection: new connection, new writer, the lost write again."""
        logger.warning("newsletter: database connection lost while recording results, reconnecting")
        reconnect()
        self.writer = surviving_drops(ResultWriter)
        if self.in_flight is not None:
            self.writer.execute(*self.in_flight)
            self.writer.wait()

    def wait(self):
        """Read the last write's answer: before any other query on this connection."""
        for attempt in range(3):
            try:
                self.writer.wait()
                return
            except CONNECTION_ERRORS:
                if attempt == 2:
                    raise
                self._reopen_and_replay()

    def _write(self, sql, params):
        self.wait()
        if sql not in self.sql:
            self.sql[sql] = sql.format(table=self.table)
        self.in_flight = (self.sql[sql], [*params, self.db_token])
        try:
            self.writer.execute(*self.in_flight)
        except CONNECTION_ERRORS:
            self._reopen_and_replay()

    def suppressed(self, pk, reason=""):
        self._write(self.SUPPRESSED, [reason, pk])

    def sent(self, pk, attempts, at, message_id):
        self._write(self.SENT, [attempts, at, message_id, pk])

    def failed(self, pk, attempts, reason):
        self._write(self.FAILED, [attempts, reason, pk])

    def retry(self, pk, attempts, due, reason):
        self._write(self.RETRY, [attempts, due, reason, pk])
