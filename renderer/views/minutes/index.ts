/** A meeting's minutes: preview, PDF export and the outcome letters (App.tsx shows this for `{ name: 'minutes' }`). */
import '../../styles/minutes.css';

export { MinutesView } from './MinutesView';
