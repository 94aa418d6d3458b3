module milvus-tls/test/peers/go

go 1.19
