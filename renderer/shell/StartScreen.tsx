import { FilePlus, FolderOpen, Images, Shirt, Sigma, SquareDashed, Trophy } from 'lucide-react';
import type { LucideIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { BUILTIN_CHALLENGES } from '../../shared/challenges/builtinChallenges';
import { challengeProject } from '../../shared/challenges/challengeProject';
import type { ProjectFile } from '../../shared/project/projectFile';
import { withCommas } from '../../shared/summary/readableSize';
import {
  FFNN_VS_CNN,
  PROJECT_TEMPLATES,
  templateById,
} from '../../shared/templates/projectTemplates';
import type { ProjectTemplate } from '../../shared/templates/templateTypes';
import type { DatasetKind } from '../../shared/training/datasetTypes';
import { useBackend } from '../backend/useBackend';
import { LessonCard } from '../compare/LessonCard';
import { emptyProject, openProject } from './projectActions';
import { NetworkThumbnail } from './NetworkThumbnail';
import { errorMessage } from '../../shared/errors/errorMessage';

/** The gallery's groups, by the data set a network learns from. */
const GROUPS: readonly { kind: DatasetKind; title: string; blurb: string; icon: LucideIcon }[] = [
  {
    kind: 'mnist',
    title: 'MNIST digits',
    blurb: '28×28 handwritten digits, ten classes. Ships with NetCanvas.',
    icon: Sigma,
  },
  {
    kind: 'fashion-mnist',
    title: 'Fashion-MNIST',
    blurb: '28×28 photos of clothes, ten classes: harder than digits.',
    icon: Shirt,
  },
  {
    kind: 'cifar10',
    title: 'CIFAR-10',
    blurb: '32×32 colour photos: planes, cars, birds, cats and six more.',
    icon: Images,
  },
  {
    kind: 'folder',
    title: 'Your own images',
    blurb: 'A folder with one subfolder per class, like Keras image_dataset_from_directory.',
    icon: FolderOpen,
  },
];

/** Fashion-MNIST has the same 28×28×1 input as MNIST: the MNIST networks, pointed at clothes. */
const FASHION: readonly { id: string; name: string; description: string }[] = [
  {
    id: 'mlp',
    name: 'Fashion-MNIST feed-forward',
    description:
      'The 784-512-512-10 baseline on clothes: see how much harder shirts are than digits.',
  },
  {
    id: 'cnn-valid',
    name: 'Fashion-MNIST convolutional',
    description:
      'The classic two-convolution network on clothes: shapes and textures, not strokes.',
  },
];

function onFashion(t: ProjectTemplate, name: string, description: string): ProjectTemplate {
  return {
    ...t,
    id: `${t.id}-fashion`,
    description,
    project: { ...t.project, name, dataset: { kind: 'fashion-mnist' } },
  };
}

function templatesOf(kind: DatasetKind): ProjectTemplate[] {
  const own = PROJECT_TEMPLATES.filter(
    (t) => t.project.dataset.kind === kind && !t.id.startsWith('lesson-'),
  );
  if (kind !== 'fashion-mnist' || own.length > 0) return own;
  return FASHION.flatMap(({ id, name, description }) => {
    const t = templateById(id);
    return t ? [onFashion(t, name, description)] : [];
  });
}

function TemplateCard({ template, onOpen }: { template: ProjectTemplate; onOpen: () => void }) {
  return (
    <button type="button" className="nc-card nc-template" onClick={onOpen}>
      <NetworkThumbnail graph={template.project.graph} />
      <strong className="nc-template-name">{template.project.name}</strong>
      <span className="nc-template-text">{template.description}</span>
      <span className="nc-template-total">Total params: {withCommas(template.kerasTotal)}</span>
    </button>
  );
}

function LessonPicture() {
  const [ffnn, cnn] = FFNN_VS_CNN.templateIds.map((id) => templateById(id));
  if (!ffnn || !cnn) return null;
  return (
    <div className="nc-lesson-picture" aria-hidden>
      {[ffnn, cnn].map((t) => (
        <figure key={t.id}>
          <NetworkThumbnail graph={t.project.graph} height={96} />
          <figcaption>
            <strong>{t.id === 'lesson-cnn' ? 'Convolutional' : 'Feed-forward'}</strong> ·{' '}
            {withCommas(t.kerasTotal)} weights
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

export interface StartScreenProps {
  readonly onShowCompare: () => void;
  readonly onOpen: () => void;
  /** Opens a project in place of the current one (the app asks to save unsaved work first). */
  readonly onOpenProject?: (project: ProjectFile) => void;
}

/** The first screen: recover unsaved work, start the lesson, or pick a tutorial network. */
export function StartScreen({
  onShowCompare,
  onOpen,
  onOpenProject = (p) => openProject(p, null),
}: StartScreenProps) {
  const api = useBackend();
  const [recovered, setRecovered] = useState<ProjectFile | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  useEffect(() => {
    api.recoverAutosave().then(setRecovered, (e: unknown) => {
      setRecovered(null);
      setDamaged(errorMessage(e));
    });
  }, [api]);
  return (
    <main className="nc-start" aria-label="Start">
      <div className="nc-start-inner">
        {recovered && (
          <section className="nc-callout nc-callout-warning" role="alert">
            <p>
              NetCanvas found unsaved work from last time: <strong>{recovered.name}</strong>.
            </p>
            <div className="nc-callout-actions">
              <button
                type="button"
                className="nc-button nc-button-primary"
                onClick={() => onOpenProject({ ...recovered })}
              >
                Recover
              </button>
              <button
                type="button"
                className="nc-button"
                onClick={() => void api.discardAutosave().then(() => setRecovered(null))}
              >
                Discard
              </button>
            </div>
          </section>
        )}
        {damaged && (
          <section className="nc-callout nc-callout-warning" role="alert">
            <p>
              NetCanvas found unsaved work from last time but could not read it, so it cannot be
              opened. Nothing was deleted. {damaged}
            </p>
          </section>
        )}
        <section className="nc-hero" aria-label="Lesson">
          <div className="nc-hero-text">
            <p className="nc-eyebrow">Start here · a 5-minute lesson</p>
            <LessonCard onOpenProject={onOpenProject} onShowCompare={onShowCompare} />
          </div>
          <LessonPicture />
        </section>
        <section aria-label="Challenges" className="nc-gallery-section">
          <h2>Take a challenge</h2>
          <div className="nc-gallery">
            {BUILTIN_CHALLENGES.map((c) => (
              <button
                key={c.title}
                type="button"
                className="nc-card nc-template"
                onClick={() => onOpenProject(challengeProject(c))}
              >
                <Trophy aria-hidden size={28} />
                <strong className="nc-template-name">{c.title}</strong>
                <span className="nc-template-text">{c.description}</span>
              </button>
            ))}
          </div>
        </section>
        <section aria-label="Templates" className="nc-gallery-section">
          <h2>Start from a network</h2>
          <div className="nc-gallery nc-gallery-blank">
            <button
              type="button"
              className="nc-card nc-template nc-template-blank"
              onClick={() => onOpenProject(emptyProject())}
            >
              <SquareDashed aria-hidden size={28} />
              <strong className="nc-template-name">Empty canvas</strong>
              <span className="nc-template-text">
                An Input block for 28×28 grayscale images; add layers from the palette.
              </span>
            </button>
            <button
              type="button"
              className="nc-card nc-template nc-template-blank"
              onClick={onOpen}
            >
              <FilePlus aria-hidden size={28} />
              <strong className="nc-template-name">Open a project or Keras model…</strong>
              <span className="nc-template-text">
                A saved NetCanvas project, or a model.json from Keras or TensorFlow.js.
              </span>
            </button>
          </div>
          {GROUPS.map(({ kind, title, blurb, icon: Icon }) => {
            const templates = templatesOf(kind);
            if (templates.length === 0) return null;
            return (
              <section key={kind} className="nc-group" aria-label={title}>
                <h3>
                  <Icon aria-hidden size={18} />
                  {title}
                  <span className="nc-group-blurb">{blurb}</span>
                </h3>
                <div className="nc-gallery">
                  {templates.map((t) => (
                    <TemplateCard key={t.id} template={t} onOpen={() => onOpenProject(t.project)} />
                  ))}
                </div>
              </section>
            );
          })}
        </section>
      </div>
    </main>
  );
}
