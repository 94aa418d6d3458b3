// A TLS peer that behaves like Go programs talking to Milvus: "server" is the Milvus proxy in
// tlsMode 2 (tls.RequireAndVerifyClientCert, ClientCAs from ca.pem, MinVersion TLS 1.3), and
// "client" is a Go client such as milvus-sdk-go (RootCAs = ca.pem, ServerName set, client cert).
// Go is stricter than OpenSSL and Node: it ignores the Common Name and enforces extended key usage.
// Standard library only, so the test can build it offline.
//
// Output, one line each, for the test to wait on:
//
//	LISTENING <port>                      server is ready
//	HANDSHAKE OK <peer common name>       a handshake completed and verified
//	HANDSHAKE ERROR <error>               the handshake failed (exit code 1)
package main

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

func fail(format string, args ...interface{}) {
	fmt.Printf("HANDSHAKE ERROR "+format+"\n", args...)
	os.Exit(1)
}

func loadPool(path string) *x509.CertPool {
	pem, err := os.ReadFile(path)
	if err != nil {
		fail("failed read ca pem: %v", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		fail("fail to append ca to cert")
	}
	return pool
}

func peerName(conn *tls.Conn) string {
	state := conn.ConnectionState()
	if len(state.PeerCertificates) == 0 {
		return "-"
	}
	return state.PeerCertificates[0].Subject.CommonName
}

func serve(certPath, keyPath, caPath string) {
	pair, err := tls.LoadX509KeyPair(certPath, keyPath)
	if err != nil {
		fail("proxy cant load x509 key pair: %v", err)
	}
	config := &tls.Config{
		ClientAuth:   tls.RequireAndVerifyClientCert,
		Certificates: []tls.Certificate{pair},
		ClientCAs:    loadPool(caPath),
		MinVersion:   tls.VersionTLS13,
	}
	listener, err := tls.Listen("tcp", "127.0.0.1:0", config)
	if err != nil {
		fail("listen: %v", err)
	}
	fmt.Printf("LISTENING %d\n", listener.Addr().(*net.TCPAddr).Port)
	raw, err := listener.Accept()
	if err != nil {
		fail("accept: %v", err)
	}
	conn := raw.(*tls.Conn)
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	if err := conn.Handshake(); err != nil {
		fail("%v", err)
	}
	fmt.Printf("HANDSHAKE OK %s\n", peerName(conn))
	_, _ = conn.Write([]byte("milvus\n"))
	_ = conn.Close()
}

func dial(address, serverName, caPath, certPath, keyPath string) {
	config := &tls.Config{RootCAs: loadPool(caPath), ServerName: serverName, MinVersion: tls.VersionTLS13}
	if certPath != "" {
		pair, err := tls.LoadX509KeyPair(certPath, keyPath)
		if err != nil {
			fail("load client key pair: %v", err)
		}
		config.Certificates = []tls.Certificate{pair}
	}
	dialer := &net.Dialer{Timeout: 30 * time.Second}
	conn, err := tls.DialWithDialer(dialer, "tcp", address, config)
	if err != nil {
		fail("%v", err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	// In TLS 1.3 the server checks the client certificate after the client's handshake is done;
	// reading the server's first bytes surfaces a rejection as an alert here.
	buffer := make([]byte, 7)
	if _, err := conn.Read(buffer); err != nil {
		fail("%v", err)
	}
	fmt.Printf("HANDSHAKE OK %s\n", peerName(conn))
}

func main() {
	if len(os.Args) < 2 {
		fmt.Println("usage: peer server|client [flags]")
		os.Exit(2)
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	cert := flags.String("cert", "", "certificate PEM")
	key := flags.String("key", "", "private key PEM")
	ca := flags.String("ca", "", "CA PEM (ClientCAs for the server, RootCAs for the client)")
	address := flags.String("connect", "", "host:port to dial (client)")
	serverName := flags.String("servername", "", "server name to verify (client)")
	_ = flags.Parse(os.Args[2:])
	switch os.Args[1] {
	case "server":
		serve(*cert, *key, *ca)
	case "client":
		dial(*address, *serverName, *ca, *cert, *key)
	default:
		fmt.Println("usage: peer server|client [flags]")
		os.Exit(2)
	}
}
