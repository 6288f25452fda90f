/** The meetings area of the app: which screen a meetings view shows (App.tsx hands these views here). */
import '../../styles/meetings.css';
import type { View } from '../../stores/ui';
import { FollowupView } from './FollowupView';
import { MeetingDetail } from './MeetingDetail';
import { MeetingsList } from './MeetingsList';
import { QualityView } from './QualityView';

export type MeetingsViewName = 'meetings' | 'meeting' | 'present' | 'followup' | 'quality';
export type MeetingsAreaView = Extract<View, { name: MeetingsViewName }>;
const NAMES: ReadonlySet<string> = new Set<MeetingsViewName>(['meetings', 'meeting', 'present', 'followup', 'quality']);
export const isMeetingsView = (view: View): view is MeetingsAreaView => NAMES.has(view.name);

export function MeetingsRoute({ view }: { view: MeetingsAreaView }) {
  switch (view.name) {
    case 'meetings': return <MeetingsList />;
    case 'meeting': return <MeetingDetail id={view.id} />;
    case 'followup': return <FollowupView />;
    case 'quality': return <QualityView />;
    case 'present': return <MeetingDetail id={view.id} />; // App renders presentation mode full screen instead
  }
}

export { PresentationView } from './PresentationView';
export { ActingProfile, ProfileChooser } from '../../components/meetings/ProfileChooser';
