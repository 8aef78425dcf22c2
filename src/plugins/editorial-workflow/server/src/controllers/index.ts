import admin from './admin';
import cache from './cache';
import notify from './notify';
import { queue, state } from './content-api';

export default { admin, cache, state, queue, notify };
