import type { ReactNode } from 'react';

type Props = {
  /** A group of inputs (radios, checkboxes) is a fieldset with a legend; one input has a label. */
  group: boolean;
  /** The input a label points at (not used for a group). */
  htmlFor: string;
  /** The hint and error a group's fieldset is described by (one input carries them itself). */
  describedBy?: string;
  className: string;
  /** The fieldset's classes when they differ from the single input's frame. */
  groupClassName?: string;
  labelClassName: string;
  legendClassName: string;
  label: ReactNode;
  /** The hint and the error at the field, between the label and the input. */
  help: ReactNode;
  control: ReactNode;
};

/** A question's frame, the same in the designer's simulation and the workspace: label or legend, help, input. */
export function FieldFrame(props: Props) {
  const { group, htmlFor, describedBy, className, labelClassName, legendClassName, ...parts } = props;
  if (group) {
    return (
      <fieldset className={props.groupClassName ?? className} aria-describedby={describedBy}>
        <legend className={legendClassName}>{parts.label}</legend>
        {parts.help}
        {parts.control}
      </fieldset>
    );
  }
  return (
    <div className={className}>
      <label className={labelClassName} htmlFor={htmlFor}>
        {parts.label}
      </label>
      {parts.help}
      {parts.control}
    </div>
  );
}
