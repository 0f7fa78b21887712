package dev.envclone.db;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * Just enough of a SQL Server on 127.0.0.1 to show a self-signed certificate to mssql-jdbc. With
 * {@code encrypt=true} the driver first sends a TDS PRELOGIN packet; this server answers "encryption on", then
 * plays the TLS handshake inside TDS PRELOGIN packets (as SQL Server does) until the driver rejects the certificate.
 */
final class SelfSignedTdsServer implements AutoCloseable {
    private static final int PRELOGIN = 0x12;
    private static final int RESPONSE = 0x04;

    private final ServerSocket socket;
    private final Thread acceptor;

    SelfSignedTdsServer() throws Exception {
        SSLEngine engine = SelfSignedTlsServer.context().createSSLEngine();
        engine.setUseClientMode(false);
        socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> serveOne(engine), "self-signed-tds-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serveOne(SSLEngine engine) {
        try (Socket client = socket.accept()) {
            client.setSoTimeout(5_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            readPacket(in);
            // PRELOGIN answer: VERSION 16.0 (offset 11, 6 bytes), ENCRYPTION = ON (offset 17, 1 byte), terminator.
            writePacket(out, RESPONSE, new byte[] {0x00, 0, 11, 0, 6, 0x01, 0, 17, 0, 1, (byte) 0xFF,
                    16, 0, 0, 0, 0, 0, 0x01});
            handshake(engine, in, out);
        } catch (Exception expected) {
            // the driver rejects the certificate and closes the connection
        }
    }

    private static void handshake(SSLEngine engine, DataInputStream in, OutputStream out) throws Exception {
        ByteBuffer received = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        ByteBuffer ignored = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        engine.beginHandshake();
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                engine.getDelegatedTask().run();
            } else if (status == HandshakeStatus.NEED_WRAP) {
                ByteBuffer sent = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                engine.wrap(ByteBuffer.allocate(0), sent);
                pending.write(sent.array(), 0, sent.position());
            } else if (status == HandshakeStatus.NEED_UNWRAP) {
                if (pending.size() > 0) {
                    // the driver expects one TDS message per flight of TLS records
                    writePacket(out, PRELOGIN, pending.toByteArray());
                    pending.reset();
                }
                SSLEngineResult result = engine.unwrap(received.flip(), ignored);
                received.compact();
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    received.put(readPacket(in));
                }
            } else {
                return;
            }
        }
    }

    private static byte[] readPacket(DataInputStream in) throws IOException {
        byte[] header = new byte[8];
        in.readFully(header);
        byte[] payload = new byte[((header[2] & 0xFF) << 8 | (header[3] & 0xFF)) - 8];
        in.readFully(payload);
        return payload;
    }

    private static void writePacket(OutputStream out, int type, byte[] payload) throws IOException {
        int length = payload.length + 8;
        out.write(new byte[] {(byte) type, 0x01, (byte) (length >> 8), (byte) length, 0, 0, 1, 0});
        out.write(payload);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
