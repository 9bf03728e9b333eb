import { useDesigner } from '../context.js';
import { useEditor } from '../editor/editor-context.js';
import { RadioGroup, Section, StepSelect, TeamSelect, TextInput, TextPair } from './controls.js';
import { linesToTexts, splitText, textLines, withKey } from './text-pair.js';
import { TriggerList } from './TriggerList.js';

type Definition = ReturnType<typeof useEditor>['def'];

/** The process with one setting of its decision letter changed; without any setting left, no `letter` at all. */
function withLetter(def: Definition, key: 'legalBasis' | 'objectionTo', value: unknown): Definition {
  const letter = withKey(def.letter ?? {}, key, value);
  return withKey(def, 'letter', Object.keys(letter).length ? letter : undefined);
}

/**
 * "Wat heeft u nodig?" on the start page: a list, one item a line, in Dutch and English (line i of each is
 * item i). Emptied, the process has no `needs` and the start page lists its own default.
 */
function NeedsEditor() {
  const { t } = useDesigner();
  const { def, edit } = useEditor();
  const { nl, en } = textLines(def.needs);
  return (
    <TextPair
      label={t.needs}
      hint={t.needsHint}
      multiline
      value={en ? { nl, en } : nl || undefined}
      onCommit={(v) => {
        const lines = splitText(v);
        edit(t.cmdEdit, withKey(def, 'needs', linesToTexts(lines.nl, lines.en)));
      }}
    />
  );
}

/** The process itself (nothing selected): title (rename), description, what the citizen needs, start, its triggers (proactive starts), the contact team for "ask for a person", the decision letter's legal basis and objection address, and what a notice by email carries. */
export function ProcessEditor() {
  const { t } = useDesigner();
  const { def, edit } = useEditor();
  return (
    <div className="ontwerp-properties">
      <h2 className="utrecht-heading-2 ontwerp-panel-title">{t.processProperties}</h2>
      <p className="utrecht-form-field-description ontwerp-hint">
        {t.processPropertiesHint} {t.processKey}: <code>{def.key}</code>
      </p>
      <fieldset className="ontwerp-fieldset">
        <Section title={t.general}>
          <TextPair
            label={t.processTitle}
            value={def.title}
            onCommit={(v) => edit(t.cmdRename, { ...def, title: v ?? '' })}
          />
          <TextPair
            label={t.description}
            multiline
            value={def.description}
            onCommit={(v) => edit(t.cmdEdit, withKey(def, 'description', v))}
          />
          <NeedsEditor />
          <StepSelect
            label={t.startStep}
            value={def.start}
            allowEmpty={false}
            onChange={(v) => edit(t.cmdStart, { ...def, start: v })}
          />
        </Section>
        <TriggerList />
        <Section title={t.contact}>
          <p className="utrecht-form-field-description ontwerp-hint">{t.contactHint}</p>
          <div className="ontwerp-row">
            <TeamSelect
              label={t.contactTeam}
              optional
              value={def.contact?.team}
              onChange={(v) =>
                edit(t.cmdEdit, withKey(def, 'contact', v ? { ...(def.contact ?? {}), team: v } : undefined))
              }
            />
            <TextInput
              label={t.contactDue}
              hint={t.durationHint}
              width="s"
              value={def.contact?.due ?? ''}
              onCommit={(v) =>
                def.contact && edit(t.cmdEdit, { ...def, contact: withKey(def.contact, 'due', v.trim() || undefined) })
              }
            />
          </div>
        </Section>
        <Section title={t.letter}>
          <p className="utrecht-form-field-description ontwerp-hint">{t.letterHint}</p>
          <TextPair
            label={t.letterLegalBasis}
            value={def.letter?.legalBasis}
            onCommit={(v) => edit(t.cmdEdit, withLetter(def, 'legalBasis', v))}
          />
          <TextInput
            label={t.letterObjectionTo}
            hint={t.letterObjectionHint}
            value={def.letter?.objectionTo ?? ''}
            onCommit={(v) => edit(t.cmdEdit, withLetter(def, 'objectionTo', v.trim() || undefined))}
          />
        </Section>
        <Section title={t.notifications}>
          <RadioGroup
            label={t.notificationsEmail}
            value={def.notifications?.email ?? 'notice'}
            options={[
              { value: 'notice', label: t.notificationsNotice, hint: t.notificationsNoticeHint },
              { value: 'message', label: t.notificationsMessage, hint: t.notificationsMessageHint },
            ]}
            onChange={(v) =>
              edit(t.cmdEdit, withKey(def, 'notifications', v === 'message' ? { email: 'message' } : undefined))
            }
          />
          <TextInput
            label={t.remindersAfterDays}
            hint={t.remindersHint}
            width="s"
            value={def.reminders ? String(def.reminders.afterDays) : ''}
            onCommit={(v) => {
              const days = Number(v.trim());
              if (!v.trim()) edit(t.cmdEdit, withKey(def, 'reminders', undefined));
              else if (Number.isInteger(days) && days >= 1 && days <= 365)
                edit(t.cmdEdit, withKey(def, 'reminders', { afterDays: days }));
            }}
          />
        </Section>
      </fieldset>
    </div>
  );
}
