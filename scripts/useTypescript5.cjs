// TypeScript 7 (our `tsc`) has no compiler API; tools that load TypeScript as a library get TypeScript 5.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveTypescript5(request, ...rest) {
  return resolve.call(this, request === 'typescript' ? 'typescript5' : request, ...rest);
};
