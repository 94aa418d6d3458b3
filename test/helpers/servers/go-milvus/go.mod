module milvustls/gomilvus

go 1.19
