import { describe, expect, it } from 'vitest';
import type { ContactInput, CustomerInput } from '../../workers/db/contract';
import { validateContactInput, validateCustomerInput } from '../../workers/db/validation';

const customer: CustomerInput = {
  kind: 'company',
  name: '北京星河科技有限公司',
  stage: 'prospect',
  ownerId: null,
  industry: '软件',
  address: '北京市海淀区中关村大街 1 号',
  phone: '138 0013 8000',
  email: 'info@xinghe.cn',
  notes: '',
};

const fieldsOf = (input: unknown) => {
  const result = validateCustomerInput(input);
  return 'fields' in result ? result.fields : {};
};
const phoneError = (phone: unknown) => fieldsOf({ ...customer, phone }).phone;
const emailError = (email: unknown) => fieldsOf({ ...customer, email }).email;

describe('validateCustomerInput', () => {
  it('accepts a complete customer and trims every text field', () => {
    const result = validateCustomerInput({ ...customer, name: '  Acme  ', email: ' a@b.co ', ownerId: 3 });
    expect(result).toEqual({ value: { ...customer, name: 'Acme', email: 'a@b.co', ownerId: 3 } });
  });

  it('fills absent optional fields with empty text and no owner', () => {
    expect(validateCustomerInput({ kind: 'person', name: '张三', stage: 'new' })).toEqual({
      value: {
        kind: 'person',
        name: '张三',
        stage: 'new',
        ownerId: null,
        industry: '',
        address: '',
        phone: '',
        email: '',
        notes: '',
      },
    });
  });

  it('requires a name that is not just spaces', () => {
    expect(fieldsOf({ ...customer, name: '   ' })).toEqual({ name: 'required' });
    expect(fieldsOf({ ...customer, name: undefined })).toEqual({ name: 'required' });
    expect(fieldsOf({ ...customer, name: 42 })).toEqual({ name: 'required' });
  });

  it('limits lengths in characters as the user sees them', () => {
    expect(fieldsOf({ ...customer, name: '公'.repeat(200) })).toEqual({});
    expect(fieldsOf({ ...customer, name: '😀'.repeat(200) })).toEqual({});
    expect(fieldsOf({ ...customer, name: 'a'.repeat(201) })).toEqual({ name: 'too_long' });
    expect(fieldsOf({ ...customer, notes: 'n'.repeat(5000) })).toEqual({});
    expect(fieldsOf({ ...customer, notes: 'n'.repeat(5001) })).toEqual({ notes: 'too_long' });
    expect(fieldsOf({ ...customer, industry: 'i'.repeat(501) })).toEqual({ industry: 'too_long' });
    expect(fieldsOf({ ...customer, address: 'a'.repeat(501) })).toEqual({ address: 'too_long' });
    expect(emailError(`${'a'.repeat(250)}@b.cn`)).toBe('too_long');
  });

  it.each(['a@b.co', 'zhang.san+crm@mail.example.com.cn', '张三@例子.中国', 'UPPER@Example.COM'])(
    'accepts the email %s',
    (email) => expect(emailError(email)).toBeUndefined(),
  );

  it.each(['plain', 'a@b', 'a@@b.cn', 'a@b@c.cn', 'a b@c.cn', '@b.cn', 'a@.cn', 'a@b.', 'a@b..cn', 5])(
    'rejects the email %s',
    (email) => expect(emailError(email)).toBe('invalid_email'),
  );

  it('accepts an empty email and phone', () => {
    expect(fieldsOf({ ...customer, email: '', phone: '  ' })).toEqual({});
  });

  it.each([
    '138 0013 8000',
    '13800138000',
    '+86-10-1234-5678',
    '+86 138 0013 8000',
    '(010) 6552.9988',
    '12345',
  ])('accepts the phone %s', (phone) => expect(phoneError(phone)).toBeUndefined());

  it.each([
    '138-abc-8000',
    '1234',
    '1'.repeat(21),
    '86+10 1234 5678',
    '++86 10 1234 5678',
    'tel 12345',
    13800138000,
  ])('rejects the phone %s', (phone) => expect(phoneError(phone)).toBe('invalid_phone'));

  it('folds full-width digits typed with a Chinese input method to ASCII', () => {
    expect(validateCustomerInput({ ...customer, phone: '１３８ ００１３ ８０００' })).toEqual({
      value: { ...customer, phone: '138 0013 8000' },
    });
  });

  it('asks for a choice when kind or stage is missing and rejects values outside the enums', () => {
    expect(fieldsOf({ ...customer, kind: undefined, stage: '' })).toEqual({
      kind: 'required',
      stage: 'required',
    });
    expect(fieldsOf({ ...customer, kind: 'org', stage: 'Prospect' })).toEqual({
      kind: 'invalid_choice',
      stage: 'invalid_choice',
    });
  });

  it('accepts only a positive integer or null as owner', () => {
    for (const ownerId of ['3', 1.5, 0, -1, true]) {
      expect(fieldsOf({ ...customer, ownerId })).toEqual({ ownerId: 'invalid_choice' });
    }
  });

  it('reports every bad field at once, so the form can mark them all', () => {
    expect(fieldsOf({ ...customer, name: '', email: 'x', phone: 'y', stage: 'z' })).toEqual({
      name: 'required',
      email: 'invalid_email',
      phone: 'invalid_phone',
      stage: 'invalid_choice',
    });
  });

  it('treats something that is not an object as an empty form', () => {
    for (const input of [null, undefined, 'Acme', 7]) {
      expect(fieldsOf(input)).toEqual({ kind: 'required', name: 'required', stage: 'required' });
    }
  });
});

describe('validateContactInput', () => {
  const contact: ContactInput = {
    customerId: 1,
    name: ' 李四 ',
    title: '采购经理',
    phone: '+86-21-5555-0101',
    email: 'lisi@example.cn',
    notes: '',
    isPrimary: true,
  };
  const contactFields = (input: unknown) => {
    const result = validateContactInput(input);
    return 'fields' in result ? result.fields : {};
  };

  it('accepts a contact and trims it', () => {
    expect(validateContactInput(contact)).toEqual({ value: { ...contact, name: '李四' } });
  });

  it('defaults to not primary when isPrimary is absent', () => {
    const result = validateContactInput({ customerId: 2, name: 'Wang' });
    expect(result).toEqual({
      value: { customerId: 2, name: 'Wang', title: '', phone: '', email: '', notes: '', isPrimary: false },
    });
  });

  it('needs the customer it belongs to', () => {
    expect(contactFields({ ...contact, customerId: undefined })).toEqual({ customerId: 'required' });
    expect(contactFields({ ...contact, customerId: '1' })).toEqual({ customerId: 'required' });
  });

  it('checks the same rules as a customer for name, email, phone and lengths', () => {
    expect(
      contactFields({
        ...contact,
        name: '',
        email: 'no-at',
        phone: '12',
        title: 't'.repeat(501),
        isPrimary: 'yes',
      }),
    ).toEqual({
      name: 'required',
      email: 'invalid_email',
      phone: 'invalid_phone',
      title: 'too_long',
      isPrimary: 'invalid_choice',
    });
  });
});
