#!/usr/bin/env node
// milvus-tls-language-server: `--stdio` for other editors, `--node-ipc` from the VS Code client.
// createConnection reads the transport from argv.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './languageServer';

startServer(createConnection(ProposedFeatures.all));
