'use strict';
// Strapi's loader reads JavaScript only: the TypeScript server is compiled to dist/ by
// src/cli/build-plugins.js (run by npm install, develop, build and the tests).
module.exports = require('./dist/server/src').default;
