// A Milvus proxy stand-in on Go's crypto/tls, so the connection test is checked against the TLS
// stack Milvus really uses (alerts, EKU checks and version rules differ from Node/OpenSSL). The
// tls.Config is the proxy's (internal/distributed/proxy/service.go): mode 1 = server key pair only;
// mode 2 = RequireAndVerifyClientCert, ClientCAs from ca.pem, MinVersion TLS 1.3. net/http serves
// HTTP/2 on it: GetVersion as a hand-made gRPC answer, and the REST collections/list call.
// Standard library only, so it builds offline.
//
// Prints "LISTENING <port>" once ready; logs handshake errors to stderr like Milvus would.
package main

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
)

const version = "v2.6.20-go"

func getVersion(w http.ResponseWriter, _ *http.Request) {
	// GetVersionResponse{status: {} (tag 1), version (tag 2)} in a gRPC length-prefixed frame.
	message := append([]byte{0x0a, 0x00, 0x12, byte(len(version))}, version...)
	frame := make([]byte, 5+len(message))
	binary.BigEndian.PutUint32(frame[1:5], uint32(len(message)))
	copy(frame[5:], message)
	w.Header().Set("Content-Type", "application/grpc")
	w.Header().Set("Trailer", "Grpc-Status")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(frame)
	w.Header().Set("Grpc-Status", "0")
}

func listCollections(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"code":0,"data":[]}`))
}

func main() {
	mode := flag.Int("mode", 2, "Milvus common.security.tlsMode: 1 or 2")
	certPath := flag.String("cert", "", "tls.serverPemPath")
	keyPath := flag.String("key", "", "tls.serverKeyPath")
	caPath := flag.String("ca", "", "tls.caPemPath (mode 2)")
	flag.Parse()
	pair, err := tls.LoadX509KeyPair(*certPath, *keyPath)
	if err != nil {
		log.Fatalf("proxy cant load x509 key pair: %v", err)
	}
	config := &tls.Config{Certificates: []tls.Certificate{pair}, NextProtos: []string{"h2", "http/1.1"}}
	if *mode == 2 {
		pem, err := os.ReadFile(*caPath)
		if err != nil {
			log.Fatalf("failed read ca pem: %v", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			log.Fatal("fail to append ca to cert")
		}
		config.ClientAuth = tls.RequireAndVerifyClientCert
		config.ClientCAs = pool
		config.MinVersion = tls.VersionTLS13
	}
	listener, err := tls.Listen("tcp", "127.0.0.1:0", config)
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/milvus.proto.milvus.MilvusService/GetVersion", getVersion)
	mux.HandleFunc("/v2/vectordb/collections/list", listCollections)
	fmt.Printf("LISTENING %d\n", listener.Addr().(*net.TCPAddr).Port)
	log.Fatal((&http.Server{Handler: mux}).Serve(listener))
}
