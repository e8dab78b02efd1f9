import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  id: string;
  label: string;
  isRequired?: boolean;
  hint?: string | null;
  error?: string | null;
  /** Groups (radios, checkbox lists) are labelled by a legend instead of a label element. */
  isGroup?: boolean;
  /** Read after the label of a required field by screen readers ("required", translated). */
  requiredText: string;
  children: (control: ControlProps) => ReactNode;
}

/**
 * A labelled control with its hint and error. The error is linked with aria-describedby and
 * announced by screen readers when it appears (role="alert" only on the message itself).
 */
export function Field({ id, label, isRequired, hint, error, isGroup, requiredText, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const control: ControlProps = {
    id,
    ...(described ? { 'aria-describedby': described } : {}),
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(isRequired && !isGroup ? { 'aria-required': true as const } : {}),
  };
  const labelText = (
    <>
      {label}
      {isRequired ? (
        <span className="required-mark">
          {' '}
          *<span className="visually-hidden"> {requiredText}</span>
        </span>
      ) : null}
    </>
  );
  const body = (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {children(control)}
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
  if (isGroup) {
    return (
      <fieldset className={`field group${error ? ' has-error' : ''}`} id={`${id}-group`} aria-describedby={described || undefined}>
        <legend id={`${id}-label`}>{labelText}</legend>
        {body}
      </fieldset>
    );
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{labelText}</label>
      {body}
    </div>
  );
}
