import admin from './admin';
import { queue, state } from './content-api';

export default { admin, state, queue };
