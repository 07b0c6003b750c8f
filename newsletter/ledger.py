"""The write path of the delivery ledger: recording each delivery's result on the wire
without waiting for the database's answer before the next mail.

``sending`` decides *what* to record; this module makes it cheap. On PostgreSQL it talks
libpq directly (server-side prepared statements, one query in flight); elsewhere it is a
plain cursor.
"""

import uuid

from django.db import connection


class ResultWriter:
    """Records each delivery's result right after the SMTP server answered, without waiting
    for the database's reply before the next mail: the UPDATE is on the wire (and commits on
    its own) before the next mail is sent, and its reply is read while that mail travels.
    A worker killed at any point therefore loses no recorded result; only the mail in flight
    can go out twice. On PostgreSQL this talks libpq directly; elsewhere it is a plain cursor."""

    def __init__(self, cursor):
        self.cursor = cursor
        self.pgconn = None
        self.pending = False
        self.prepared = {}
        if connection.vendor == "postgresql":
            self.pgconn = connection.connection.pgconn

    def __enter__(self):
        # Each result commits on its own; asynchronous commit makes that cheap (a database
        # crash could lose the last few milliseconds of results — a worker crash loses nothing).
        if self.pgconn is not None:
            self.cursor.execute("SET synchronous_commit TO OFF")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.wait()
            return
        self.close()
        if self.pgconn is not None:
            self.cursor.execute("SET synchronous_commit TO DEFAULT")

    def _statement(self, sql, count):
        """A server-side prepared statement per SQL text (parsed and planned once per batch)."""
        name = self.prepared.get(sql)
        if name is None:
            numbered = sql
            for i in range(1, count + 1):
                numbered = numbered.replace("%s", f"${i}", 1)
            name = f"nl_{uuid.uuid4().hex[:12]}".encode()
            result = self.pgconn.prepare(name, numbered.encode())
            from psycopg import pq

            if result.status != pq.ExecStatus.COMMAND_OK:
                raise RuntimeError((result.error_message or b"").decode(errors="replace"))
            self.prepared[sql] = name
        return name

    def close(self):
        self.wait()
        if self.pgconn is not None:
            for name in self.prepared.values():
                self.cursor.execute(f"DEALLOCATE {name.decode()}")
        self.prepared = {}

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
            result = self.pgconn.get_result()
            if result is None:
                break
            if result.status != pq.ExecStatus.COMMAND_OK:
                error = (result.error_message or b"").decode(errors="replace")
        if error:
            raise RuntimeError(f"recording a delivery failed: {error}")


class Ledger:
    """The result writes of one batch, each one row, each committed on its own."""

    SUPPRESSED = "UPDATE {table} SET status='suppressed', lease_until=NULL, last_error=%s WHERE id=%s"
    SENT = (
        "UPDATE {table} SET status='sent', attempts=%s, lease_until=NULL, sent_at=%s, message_id=%s, last_error='' "
        "WHERE id=%s"
    )
    FAILED = "UPDATE {table} SET status='failed', attempts=%s, lease_until=NULL, last_error=%s WHERE id=%s"
    RETRY = (
        "UPDATE {table} SET status='pending', attempts=%s, lease_until=NULL, next_attempt_at=%s, last_error=%s "
        "WHERE id=%s"
    )

    def __init__(self, cursor, table):
        self.writer = ResultWriter(cursor)
        self.table = table

    def __enter__(self):
        self.writer.__enter__()
        return self

    def __exit__(self, *exc_info):
        return self.writer.__exit__(*exc_info)

    def wait(self):
        """Read the last write's answer: before any other query on this connection."""
        self.writer.wait()

    def suppressed(self, pk, reason=""):
        self.writer.execute(self.SUPPRESSED.format(table=self.table), [reason, pk])

    def sent(self, pk, attempts, at, message_id):
        self.writer.execute(self.SENT.format(table=self.table), [attempts, at, message_id, pk])

    def failed(self, pk, attempts, reason):
        self.writer.execute(self.FAILED.format(table=self.table), [attempts, reason, pk])

    def retry(self, pk, attempts, due, reason):
        self.writer.execute(self.RETRY.format(table=self.table), [attempts, due, reason, pk])
