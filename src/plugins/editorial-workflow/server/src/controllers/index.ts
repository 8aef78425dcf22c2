import admin from './admin';
import cache from './cache';
import desk from './desk';
import { queue, state } from './content-api';

export default { admin, cache, state, queue, desk };
