import admin from './admin';
import assign from './assign';
import cache from './cache';
import { queue, state } from './content-api';

export default { admin, assign, cache, state, queue };
