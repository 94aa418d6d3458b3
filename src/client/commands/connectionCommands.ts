// The commands that talk to Milvus or prepare to, loaded together on the first run of any of them (one
// bundle, see extension.ts): they share the connection plan and the gRPC stack, which three bundles
// would each carry.
export { copyConnectionSnippetCommand } from './copyConnectionSnippet';
export { setConnectionCredentialsCommand } from './setConnectionCredentials';
export { testConnectionCommand } from './testConnection';
