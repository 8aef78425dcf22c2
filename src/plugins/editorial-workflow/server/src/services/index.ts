import access from './access';
import actor from './actor';
import assignment from './assignment';
import cache from './cache';
import checklist from './checklist';
import definition from './definition';
import desk from './desk';
import deskUsers from './desk-users';
import guards from './guards';
import importer from './importer';
import notes from './notes';
import notifications from './notifications';
import notificationPreferences from './notification-preferences';
import notificationSender from './notification-sender';
import permissions from './permissions';
import publicRecord from './public-record';
import publisher from './publisher';
import scheduler from './scheduler';
import stateStore from './state-store';
import workflow from './workflow';

const services = {
  access,
  actor,
  assignment,
  cache,
  checklist,
  definition,
  desk,
  'desk-users': deskUsers,
  guards,
  importer,
  notes,
  notifications,
  'notification-preferences': notificationPreferences,
  'notification-sender': notificationSender,
  permissions,
  'public-record': publicRecord,
  publisher,
  scheduler,
  'state-store': stateStore,
  workflow,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
