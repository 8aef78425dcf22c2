import admin from './admin';
import cache from './cache';
import checklist from './checklist';
import notify from './notify';
import { queue, state } from './content-api';

export default { admin, cache, checklist, state, queue, notify };
