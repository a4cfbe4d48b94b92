/** Names shared by main and preload (plain constants: the preload bundles this file). */
export const API_CHANNEL = 'sparring:api';
export const EVENT_CHANNEL = 'sparring:event';
export const MEDIA_SCHEME = 'sparring-media';
