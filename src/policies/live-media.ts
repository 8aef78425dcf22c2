// `global::live-media`: see src/newsroom/live-media.ts (put on the upload plugin's file routes).
import { liveMediaPolicy } from '../newsroom/live-media';

export default liveMediaPolicy;
