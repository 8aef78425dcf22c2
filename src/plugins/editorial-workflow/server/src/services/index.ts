import access from './access';
import actor from './actor';
import cache from './cache';
import definition from './definition';
import desk from './desk';
import deskUsers from './desk-users';
import guards from './guards';
import notifications from './notifications';
import permissions from './permissions';
import publisher from './publisher';
import stateStore from './state-store';
import workflow from './workflow';

const services = {
  access,
  actor,
  cache,
  definition,
  desk,
  'desk-users': deskUsers,
  guards,
  notifications,
  permissions,
  publisher,
  'state-store': stateStore,
  workflow,
};

export type ServiceMap = { [K in keyof typeof services]: ReturnType<(typeof services)[K]> };
export default services;
