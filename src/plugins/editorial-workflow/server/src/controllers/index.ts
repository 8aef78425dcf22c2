import admin from './admin';
import assign from './assign';
import cache from './cache';
import checklist from './checklist';
import desk from './desk';
import importer from './importer';
import notify from './notify';
import notes from './notes';
import { queue, state } from './content-api';

export default { admin, assign, cache, checklist, desk, importer, state, queue, notify, notes };
