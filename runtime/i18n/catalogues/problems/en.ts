import type { Like } from '../../translate.js';
import type nl from './nl.js';

// The problems the process checks find, in English (the same keys and placeholders as nl.ts).
export default {
  messages: {
    P000:
      '{case, select, json {The file is no valid JSON, so it holds no process.} ' +
      'missing {Something is missing: {at}.} ' +
      'type {There is a value of the wrong kind at {at}: it takes {expected}.} ' +
      'unknownKey {There is something the process language does not know at {at}: ‘{keys}’. Remove it or correct the name.} ' +
      'format {There is a value without the right form at {at}. The form is: {format}.} ' +
      'empty {There is nothing yet at {at}. Fill it in.} ' +
      'choice {Only one of these values can be at {at}: {options}.} ' +
      'other {There is something at {at} that does not fit the process language.}}',
    P001: 'Step {node} cannot be reached from the start. Connect a step before it to this step, or remove it.',
    P002: 'No end can be reached from step {node}: a case that gets here never finishes. Connect the step to an end.',
    P003:
      '{case, select, unconnected {{place} of step {node} leads nowhere yet. Drag from its dot to the step that comes next.} ' +
      'other {{place} of step {node} goes to step ‘{target}’, and there is no such step. Choose a step that exists.}}',
    P004: 'Decision {node} has no ‘otherwise’ route: a case that matches no rule stops here. Add ‘otherwise’.',
    P005:
      '{case, select, trigger {The condition of trigger {n} reads ‘{name}’, and the signal does not bring that fact. Add it to the facts from the signal, with its type of answer.} ' +
      'other {{place} of step {node} reads ‘{name}’, and no field of this process has that name. Choose a field a step asks for, or correct the name.}}',
    P006: 'The field {field} is there twice: in step {owner} and in step {node}. Each field id can be used only once in a process.',
    P007:
      '{case, select, escalate {Handoff {node} passes on a late task, but it has no deadline. Give it a deadline, such as 5 working days.} ' +
      'other {Handoff {node} has no deadline, so the citizen cannot be told when to expect an answer. Give it a deadline, such as 5 working days.}}',
    P008: '{target, select, none {The event ‘{event}’ of phase {node} goes to no step yet. Choose a step.} other {The event ‘{event}’ of phase {node} goes to step ‘{target}’, and there is no such step. Choose a step that exists.}}',
    P009:
      '{case, select, empty {{place} {node, select, none {} other {of step {node} }}is empty. Write a condition, such as age >= 18.} ' +
      'compile {{place} {node, select, none {} other {of step {node} }}cannot be worked out. Simplify the expression.} ' +
      'other {{place} {node, select, none {} other {of step {node} }}is no valid FEEL: something goes wrong at character {position} ({near, select, none {at the end} other {near ‘{near}’}}).}}',
    P010:
      '{case, select, trigger {{start, select, none {Trigger {n} starts at no step yet. Choose a step under ‘starts at’.} other {Trigger {n} starts at step ‘{start}’, and there is no such step. Choose a step that exists under ‘starts at’.}}} ' +
      'other {{start, select, none {The process has no start step yet. Add a step: the first one becomes the start.} other {The start step ‘{start}’ does not exist. Make an existing step the start step.}}}}',
    P011:
      '{case, select, step {Step {node} is in phase ‘{group}’, and there is no such phase. Choose a phase that exists, or no phase at all.} ' +
      'itself {Phase {node} lies (through other phases) inside itself. Choose another enclosing phase.} ' +
      'other {Phase {node} lies in phase ‘{group}’, and there is no such phase. Choose a phase that exists, or no phase at all.}}',
    P012: 'Form {node} only has routes with a condition. Add a route without a condition for all other cases.',
    P013:
      "{case, select, trigger {The reason of trigger {n} uses ‘'{{'{name}'}}'’, and the signal does not bring that fact. Add it to the facts from the signal.} " +
      "other {A text of step {node} uses ‘'{{'{name}'}}'’, and no field of this process has that name. Choose a field a step asks for, or correct the name.}}",
    P014:
      '{case, select, noOptions {{who} {field} is a choice without options. Add options.} ' +
      'dateBound {{who} {field} has a date limit ‘{bound}’ that is no date. Write YYYY-MM-DD or today.} ' +
      'clash {Trigger {n} brings the fact {field} as {type}, but the field {field} in the process is {otherType}. Give them the same type of answer.} ' +
      'other {{who} {field} is described wrongly.}}',
    P015: 'The process has no contact team. Choose the team that answers citizens’ questions in the process properties, so they can always talk to a person.',
    P016: '‘{id}’ is the name of a step and of a phase. Give one of them another name.',
    P017:
      '{case, select, both {Wait {node} waits for a time and for a signal. Choose one; if you wait for a signal, give a deadline for when it is late.} ' +
      'timeout {Wait {node} has a deadline for when it is late, but it waits for no signal. That deadline only applies to waiting for a signal.} ' +
      'other {Wait {node} does not say what it waits for. Give a duration (such as P5D, 5 days) or the signal it waits for.}}',
    P019:
      '{place, select, none {The duration ‘{duration}’ of step {node}} other {The duration ‘{duration}’ of {place}}} ' +
      '{case, select, tooLong {is longer than {years} years. Choose a shorter duration.} ' +
      'other {is no valid duration. Write it like P5D (5 days) or PT2H (2 hours).}}',
    P021: 'Handoff {node} has no outcomes, so the official cannot finish the task. Add an outcome.',
    P022: 'Handoff {node} has two outcomes with the id ‘{id}’. Give each outcome an id of its own.',
    P023: 'Outcome {outcome} of handoff {node} can end in a refusal. Give the outcome a required text field for the reason the citizen reads.',
    P025:
      '{case, select, both {Decision {node} has rules and a decision table. Choose one of them.} ' +
      'other {Row {row} of the decision table of decision {node} has {tests, plural, one {# column} other {# columns}}, but the table has {inputs, plural, one {# input} other {# inputs}}. Give each row as many columns as there are inputs.}}',
    P026: 'In the decision table of decision {node}, rows {a} and {b} can both match, while the table allows only one matching row (UNIQUE). Make the rows exclude each other.',
    P027: 'The decision table of decision {node} allows only one matching row (UNIQUE), but does not say where a case goes when more rows match. Choose a handoff under ‘more than one row’.',
    P028: '{place} {node, select, none {} other {of step {node} }}is {length} characters long; at most {max} are allowed. Split the condition over more rules or use a decision table.',
    P029:
      '{case, select, nesting {{place} {node, select, none {} other {of step {node} }}has brackets more than {max} levels deep (at character {position}). Split the expression over more rules, or name parts of it in the inputs of a decision table.} ' +
      'other {{place} {node, select, none {} other {of step {node} }}has more than {max} operations (at character {position}). Split the expression over more rules or use a decision table.}}',
    P030: '‘{name}’ ({at}) is a word the system uses itself. Choose another name.',
    P031:
      '{case, select, flag {{place} {node, select, none {} other {of step {node} }}uses the flag ‘{flag}’ in {fn}; there is no such flag. The flags are i, s, m and x.} ' +
      'other {{place} {node, select, none {} other {of step {node} }}uses the pattern ‘{pattern}’ in {fn}, and that pattern cannot run{near, select, none {} other { (near ‘{near}’)}}. Back-references such as \\1 and look-around such as (?=…) cannot be used.}}',
    P032: 'Team ‘{team}’ does not exist. Choose a team from the list of teams, or ask an admin to create it.',
    P033: 'No official works in team ‘{team}’ yet, so its tasks would reach nobody. Choose another team, or ask an admin to add officials to it.',
    P034: '{place} {node, select, none {} other {of step {node} }}is written in JavaScript or JUEL, which FEEL cannot read: {fix, select, equals {FEEL writes ‘{op}’ (at character {position}) as =.} notEquals {FEEL writes ‘{op}’ (at character {position}) as !=.} and {FEEL writes ‘{op}’ (at character {position}) as and.} or {FEEL writes ‘{op}’ (at character {position}) as or.} not {FEEL writes ‘{op}’ (at character {position}) as not(…).} other {the condition stands between a dollar sign (or hash) and braces (at character {position}). Write only the condition itself.}}',
  },
  places: {
    rule: 'the {nth} rule',
    ruleWhen: 'the condition of the {nth} rule',
    row: 'row {n} of the decision table',
    tableInput: 'the {nth} input of the decision table',
    tableCell: 'the cell in row {row}, column {column} of the decision table',
    route: 'the {nth} route',
    routeWhen: 'the condition of the {nth} route',
    showIf: 'the condition for asking question {field}',
    outcome: 'outcome {outcome}',
    outcomeShowIf: 'the condition for asking field {field} with outcome {outcome}',
    next: 'the exit ‘next’',
    otherwise: 'the exit ‘otherwise’',
    onError: 'the exit ‘more than one row’',
    then: 'the exit after waiting',
    timeout: 'the exit ‘late’',
    triggerWhen: 'the condition of trigger {n}',
    contactDue: 'the deadline of the contact team',
    expression: 'an expression',
    this: 'this expression',
  },
  ordinal:
    '{n, select, 1 {first} 2 {second} 3 {third} 4 {fourth} 5 {fifth} 6 {sixth} 7 {seventh} 8 {eighth} 9 {ninth} 10 {tenth} other {{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}}}',
  who: {
    question: 'The question',
    fact: 'The fact',
    outcomeField: 'The field',
  },
  at: {
    root: 'the process',
    step: 'step {title}',
    group: 'phase {title}',
    inside: '{part} of {whole}',
    item: '{list, select, fields {question {n}} rules {rule {n}} outcomes {outcome {n}} rows {row {n}} inputs {input {n}} tests {column {n}} options {option {n}} facts {fact {n}} triggers {trigger {n}} next {route {n}} other {part {n}}}',
    key: '‘{key}’',
  },
  keys: {
    key: 'the key',
    title: 'the title',
    description: 'the description',
    start: 'the start step',
    steps: 'the steps',
    groups: 'the phases',
    triggers: 'the triggers',
    contact: 'the contact team',
    kind: 'the kind of step',
    id: 'the id',
    label: 'the text',
    type: 'the type of answer',
    when: 'the condition',
    goto: 'the next step',
    next: 'the next step',
    then: 'the next step',
    because: 'the reason',
    otherwise: 'the ‘otherwise’ route',
    outcome: 'the outcome',
    outcomes: 'the outcomes',
    message: 'the message',
    subject: 'the subject',
    body: 'the text of the message',
    team: 'the team',
    due: 'the deadline',
    for: 'the duration',
    signal: 'the signal',
    fields: 'the questions',
    facts: 'the facts from the signal',
    options: 'the options',
    value: 'the value',
    rules: 'the rules',
    table: 'the decision table',
    mode: 'the mode',
    group: 'the phase',
    on: 'the events',
    showIf: 'the condition for asking the question',
  },
  valueTypes: {
    string: 'a text',
    number: 'a number',
    boolean: 'yes or no',
    array: 'a list',
    object: 'a group of values',
    other: 'another value',
  },
  formats: {
    lowerWord: 'lowercase letters, digits and hyphens, starting with a letter (like application-1)',
    key: 'lowercase letters, digits and hyphens (like stadspas)',
    name: 'letters, digits and _, starting with a letter (like income)',
    signal: 'lowercase words with - or . between them (like brp.moved)',
    duration: 'a duration like P5D (5 days) or PT2H (2 hours)',
    other: 'see the explanation of this part',
  },
} satisfies Like<typeof nl>;
