"""A small IMAP4rev1 server over TLS for the bounce tests: one user, one folder, the commands a
mail client uses to read and delete mail (CAPABILITY, LOGIN, SELECT, UID SEARCH/FETCH/STORE,
EXPUNGE, LOGOUT). It speaks the wire protocol to Python's real ``imaplib`` over a real socket and
a certificate the test trusts, so ``ImapSource`` is exercised as against Dovecot; it keeps the
mailbox in memory so the test can see what was deleted or left."""

import datetime
import ipaddress
import re
import socket
import ssl
import threading
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def self_signed_certificate(directory):
    """A certificate for localhost/127.0.0.1 and its key, as PEM files in ``directory``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "imap-cert.pem", directory / "imap-key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@dataclass
class Message:
    raw: bytes
    flags: set = field(default_factory=set)


class ImapServer:
    def __init__(self, cert_file, key_file, user, password, folder="INBOX"):
        self.user, self.password, self.folder = user, password, folder
        self.messages = {}  # uid -> Message
        self.next_uid = 1
        self.logins = 0
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.context.load_cert_chain(cert_file, key_file)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def add(self, raw):
        self.messages[self.next_uid] = Message(raw)
        self.next_uid += 1

    def close(self):
        self.listener.close()

    def _serve(self):
        while True:
            try:
                plain, _address = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._session, args=(plain,), daemon=True).start()

    def _session(self, plain):
        try:
            with self.context.wrap_socket(plain, server_side=True) as connection:
                stream = connection.makefile("rwb")
                stream.write(b"* OK IMAP4rev1 test server ready\r\n")
                stream.flush()
                selected = False
                while line := stream.readline():
                    tag, _space, rest = line.decode().rstrip("\r\n").partition(" ")
                    command, _space, arguments = rest.partition(" ")
                    command = command.upper()
                    if command == "CAPABILITY":
                        stream.write(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n")
                    elif command == "LOGIN":
                        user, password = (part.strip('"') for part in arguments.split(" ", 1))
                        if (user, password) != (self.user, self.password):
                            stream.write(f"{tag} NO [AUTHENTICATIONFAILED] wrong user or password\r\n".encode())
                            stream.flush()
                            continue
                        self.logins += 1
                    elif command == "SELECT":
                        if arguments.strip('"') != self.folder:
                            stream.write(f"{tag} NO no such folder\r\n".encode())
                            stream.flush()
                            continue
                        selected = True
                        stream.write(f"* {len(self.messages)} EXISTS\r\n* OK [UIDVALIDITY 1] UIDs valid\r\n".encode())
                    elif command == "UID" and selected:
                        self._uid(stream, arguments)
                    elif command == "EXPUNGE" and selected:
                        for uid in [uid for uid, message in self.messages.items() if "\\Deleted" in message.flags]:
                            del self.messages[uid]
                            stream.write(f"* {uid} EXPUNGE\r\n".encode())
                    elif command == "LOGOUT":
                        stream.write(b"* BYE logging out\r\n")
                        stream.write(f"{tag} OK LOGOUT completed\r\n".encode())
                        stream.flush()
                        return
                    elif command != "NOOP":
                        stream.write(f"{tag} BAD unknown command\r\n".encode())
                        stream.flush()
                        continue
                    stream.write(f"{tag} OK {command} completed\r\n".encode())
                    stream.flush()
        except (OSError, ssl.SSLError):
            return

    def _uid(self, stream, arguments):
        action, _space, rest = arguments.partition(" ")
        action = action.upper()
        if action == "SEARCH":  # UNSEEN is the only search a bounce reader needs
            unseen = [str(uid) for uid, message in self.messages.items() if "\\Seen" not in message.flags]
            stream.write(("* SEARCH " + " ".join(unseen)).rstrip().encode() + b"\r\n")
        elif action == "FETCH":
            uid = int(rest.split(" ", 1)[0])
            message = self.messages.get(uid)
            if message is not None:
                message.flags.add("\\Seen")
                stream.write(f"* {uid} FETCH (UID {uid} RFC822 {{{len(message.raw)}}}\r\n".encode())
                stream.write(message.raw + b")\r\n")
        elif action == "STORE":
            uid_text, _space, change = rest.partition(" ")
            message = self.messages.get(int(uid_text))
            flags = set(re.findall(r"\\\w+", change))
            if message is not None and change.upper().startswith("+FLAGS"):
                message.flags |= flags
                flag_text = " ".join(sorted(message.flags))
                stream.write(f"* {uid_text} FETCH (UID {uid_text} FLAGS ({flag_text}))\r\n".encode())
