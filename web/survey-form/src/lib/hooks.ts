/** The survey form's hooks: the connection's state is the public pages' own (../../../public-site/src/lib/online.ts). */
export { useOnline } from '../../../public-site/src/lib/online';
