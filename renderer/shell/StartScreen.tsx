import { useEffect, useState } from 'react';
import type { ProjectFile } from '../../shared/project/projectFile';
import { PROJECT_TEMPLATES } from '../../shared/templates/projectTemplates';
import { withCommas } from '../../shared/summary/readableSize';
import { useBackend } from '../backend/useBackend';
import { LessonCard } from '../compare/LessonCard';
import { newEmptyProject, openProject } from './projectActions';

/** The first screen: recover unsaved work, start the lesson, or pick a tutorial network. */
export function StartScreen({ onShowCompare, onOpen }: { onShowCompare: () => void; onOpen: () => void }) {
  const api = useBackend();
  const [recovered, setRecovered] = useState<ProjectFile | null>(null);
  useEffect(() => {
    api.recoverAutosave().then(setRecovered, () => setRecovered(null));
  }, [api]);
  return (
    <main className="nc-start" aria-label="Start">
      {recovered && (
        <section className="nc-recover" role="alert">
          <p>
            NetCanvas found unsaved work from last time: <strong>{recovered.name}</strong>.
          </p>
          <button type="button" onClick={() => openProject({ ...recovered }, null)}>
            Recover
          </button>
          <button type="button" onClick={() => void api.discardAutosave().then(() => setRecovered(null))}>
            Discard
          </button>
        </section>
      )}
      <LessonCard onOpenProject={(p) => openProject(p, null)} onShowCompare={onShowCompare} />
      <section aria-label="Templates">
        <h2>Start from a network</h2>
        <div className="nc-gallery">
          <button type="button" className="nc-template" onClick={newEmptyProject}>
            <strong>Empty canvas</strong>
            <span>An Input block for 28×28 grayscale images; add layers from the palette.</span>
          </button>
          <button type="button" className="nc-template" onClick={onOpen}>
            <strong>Open a project or Keras model…</strong>
            <span>A saved NetCanvas project, or a model.json from Keras or TensorFlow.js.</span>
          </button>
          {PROJECT_TEMPLATES.map((t) => (
            <button key={t.id} type="button" className="nc-template" onClick={() => openProject(t.project, null)}>
              <strong>{t.project.name}</strong>
              <span>{t.description}</span>
              <span className="nc-template-total">Total params: {withCommas(t.kerasTotal)}</span>
            </button>
          ))}
        </div>
      </section>
    </main>
  );
}
