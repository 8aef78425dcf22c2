import responseCache from './response-cache';

// Koa middlewares the app places in config/middlewares.ts (`plugin::editorial-workflow.<name>`).
export default { 'response-cache': responseCache };
