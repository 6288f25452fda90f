/**
 * The case screen: loads the case (or starts a new one); opening a case shows its overview, "Edit" the form laid out
 * beside the options panel slot.
 */
import { useEffect } from 'react';
import { CaseDataBar } from '../components/data/CaseDataBar';
import { CaseOutcomes } from '../components/data/CaseOutcomes';
import { OptionsPanelSlot } from '../components/OptionsPanelSlot';
import { useEditor, useStores } from '../stores/context';
import { CaseForm } from './CaseForm';
import { CaseOverview } from './CaseOverview';

export function CaseView({ id, mode = 'edit' }: { id: number | null; mode?: 'overview' | 'edit' }) {
  const stores = useStores();
  const record = useEditor((s) => s.record);
  const loading = useEditor((s) => s.loading);
  const loadError = useEditor((s) => s.loadError);
  const loadCount = useEditor((s) => s.loadCount);

  useEffect(() => {
    const editor = stores.editor.getState();
    if (id === null) editor.reset();
    else if (editor.record?.id !== id) void editor.load(id);
  }, [id, stores]);

  const back = (): void => stores.ui.getState().show({ name: 'list' });
  // Closing the form of a saved case returns to its overview; a new case that was never saved, to the list.
  const close = (): void => stores.ui.getState().show(id === null ? { name: 'list' } : { name: 'case', id });

  if (id !== null && loadError) {
    return (
      <div className="panel" role="alert">
        <h1>The case could not be opened</h1>
        <p>{loadError}</p>
        <button type="button" onClick={back}>Back to the case list</button>
      </div>
    );
  }
  if (id !== null && (loading || record?.id !== id)) return <p className="panel muted" role="status">Opening the case…</p>;
  if (id !== null && record && mode === 'overview') {
    return <CaseOverview record={record} onBack={back} onEdit={() => stores.ui.getState().show({ name: 'edit', id })} />;
  }

  return (
    <>
    {id !== null ? <CaseDataBar id={id} /> : null}
    <CaseForm
      key={id === null ? 'new' : `${id}:${loadCount}`}
      record={id === null ? null : record}
      onClose={close}
      onSaved={(saved, created) => {
        stores.ui.getState().notify(created ? `Case #${saved.id} created.` : `Case #${saved.id} saved.`);
        stores.cases.getState().refresh();
        if (created) {
          void stores.ui.getState().loadInfo(); // the overall case count shown beside a filtered total
          stores.ui.getState().show({ name: 'edit', id: saved.id });
        }
      }}
      aside={(facts) => <OptionsPanelSlot facts={facts} />}
    />
    {id !== null ? <CaseOutcomes caseId={id} primary={record?.facts.primary_tumor ?? undefined} /> : null}
    </>
  );
}
