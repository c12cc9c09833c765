/**
 * English (en) vocabulary for leads, opportunities, contracts, cases, the knowledge base, campaigns and
 * relationships (see record-text.ts). Plain data; seeded runs pick by index, so append, never reorder.
 */
import type { RecordText } from './record-text';

export const EN_RECORDS: RecordText = {
  dealTopics: [
    'Annual office equipment purchase',
    'New office network build-out',
    'Server capacity expansion',
    'Laptop fleet refresh',
    'Meeting room video upgrade',
    'Managed print services',
    'Point-of-sale terminals',
    'Backup and recovery solution',
    'Consumables framework agreement',
    'Security camera upgrade',
    'Employee laptop leasing',
    'Branch office IT setup',
    'Security hardening',
    'Virtual desktop pilot',
  ],
  dealName: (who, topic) => `${who} – ${topic}`,
  wonReasons: [
    'Best fit in the technical evaluation',
    'Competitive price and flexible payment terms',
    'Long-standing relationship and strong support record',
    'Shortest delivery time for their go-live date',
    'Local service team with fast response',
    'Free trial and training won them over',
  ],
  lostReasons: [
    'Our price was about 15% above the competitor',
    'Budget cut, project postponed',
    'Renewed with the incumbent vendor',
    'New decision maker preferred a competitor',
    'Could not meet the delivery deadline',
    'Solution did not pass their technical review',
    'Building it in-house instead',
  ],
  opportunityNotes: [
    'Formal quote requested for next week.',
    'IT department must sign off on the evaluation.',
    'Competitor is also bidding; watch pricing.',
    'Budget approved, waiting on procurement.',
    'CEO decides; schedule an executive visit.',
    '',
  ],
  leadNotes: [
    'Left a business card at the trade show; interested in printing.',
    'Submitted the website contact form asking for a quote.',
    'Referred by an existing customer; clear requirements.',
    'Cold call: budget expected next quarter.',
    'Attended the webinar and downloaded the white paper.',
    'No concrete need yet; keep in touch.',
    '',
  ],
  contractTitles: [
    'Annual maintenance agreement',
    'IT equipment purchase agreement',
    'Managed print services agreement',
    'Network operations outsourcing',
    'Consumables supply framework agreement',
    'Software license and support agreement',
  ],
  contractTitle: (who, title) => `${who} – ${title}`,
  contractNo: (startDate, n) => `CT-${startDate.slice(0, 4)}-${String(n).padStart(4, '0')}`,
  contractNotes: [
    'Contact them a month before expiry about renewal.',
    'Invoiced quarterly.',
    'Includes four on-site visits a year.',
    'Auto-renewal clause removed.',
    '',
  ],
  cases: {
    inquiry: [
      {
        subject: 'Warranty period question',
        description: 'Customer wants to know if last year’s devices are still under warranty.',
      },
      {
        subject: 'Volume discount inquiry',
        description: 'Planning another purchase; asks about tiered pricing.',
      },
      { subject: 'Invoice details change', description: 'Company name changed; invoices must be reissued.' },
      {
        subject: 'Driver download question',
        description: 'Cannot find the driver for the new printer on their OS.',
      },
      {
        subject: 'Delivery date inquiry',
        description: 'Order placed last week has not shipped; asks for an ETA.',
      },
    ],
    complaint: [
      {
        subject: 'Delivery three days late',
        description: 'Promised for Monday, arrived Thursday, delaying their office opening.',
      },
      {
        subject: 'Technician missed the appointment',
        description: 'On-site repair appointment missed without notice.',
      },
      {
        subject: 'Damaged packaging on arrival',
        description: 'Outer box crushed; one monitor has a scratched screen.',
      },
      {
        subject: 'Support line not answering',
        description: 'Called the hotline two days in a row without an answer.',
      },
      {
        subject: 'Invoice does not match contract',
        description: 'This month’s bill includes a service fee not in the contract.',
      },
    ],
    after_sales: [
      {
        subject: 'Printer jams frequently',
        description: 'Frequent paper jams after a month of use; cleaning did not help.',
      },
      {
        subject: 'Laptop will not power on',
        description: 'Charging light is on but the power button does nothing.',
      },
      { subject: 'Switch ports dead', description: 'Four switch ports show no link, office area offline.' },
      {
        subject: 'Projector colors off',
        description: 'Meeting room projector image is yellowish; settings did not help.',
      },
      {
        subject: 'Replace failed hard drive',
        description: 'Server reports a disk alert; replacement under warranty needed.',
      },
    ],
  },
  resolutions: {
    inquiry: [
      'Answered by phone and sent the documentation.',
      'Looked it up and replied by email.',
      'Passed to sales for a quote.',
    ],
    complaint: [
      'Apologized and offered a free maintenance visit; customer accepted.',
      'Found the cause and changed the delivery process; customer satisfied.',
      'Refunded the extra charge and corrected the invoice.',
    ],
    after_sales: [
      'Technician replaced the part on site; device works again.',
      'Guided the customer through a firmware update remotely.',
      'Sent a loaner unit and returned the device for repair.',
    ],
  },
  articles: [
    {
      title: 'Printer paper jams: causes and fixes',
      category: 'Troubleshooting',
      tags: ['printer', 'paper jam', 'self-service'],
      body: 'Jams are usually caused by damp paper, the wrong paper weight or worn pickup rollers.\n\n1. Turn the printer off and open the front cover as marked; pull the paper out evenly.\n2. Check that the paper in the tray is flat; use 20–24 lb copy paper.\n3. More than three jams in a week? Open a support case and a technician will check the rollers.',
    },
    {
      title: 'How to check a device’s warranty status',
      category: 'Service policy',
      tags: ['warranty', 'serial number'],
      body: 'Warranty starts on the delivery date: one year for the device, three years for major parts.\n\nGive support the serial number (label on the back) or the order number to look up the remaining warranty. Out-of-warranty repairs are charged for parts plus the visit.',
    },
    {
      title: 'Requesting a corrected invoice',
      category: 'Billing',
      tags: ['invoice', 'billing'],
      body: 'Invoices are issued within five business days after an order completes.\n\nTo change the billing name or address, open an inquiry case with the new details; the corrected invoice replaces the old one.',
    },
    {
      title: 'Support response times',
      category: 'Service policy',
      tags: ['SLA', 'response time'],
      body: 'We commit to resolution times by case priority: urgent within 4 hours, high within 24 hours, normal within 3 days, low within 7 days.\n\nUrgent means a whole team cannot work; please choose the priority accordingly.',
    },
    {
      title: 'Setting up a new employee laptop',
      category: 'How-to',
      tags: ['laptop', 'setup'],
      body: 'Check the box contents first (laptop, power adapter, warranty card).\n\nOn first start choose region and account, join the company network and run system updates. Ask IT for the company software bundle.',
    },
    {
      title: 'Meeting room video: common issues',
      category: 'Troubleshooting',
      tags: ['video conferencing', 'projector', 'audio'],
      body: 'No sound: check the microphone mute key and the audio device in the meeting app.\nOff colors: reset the projector to factory settings and reseat the cable.\nStill broken? Open a support case with a photo.',
    },
    {
      title: 'Returns and exchanges',
      category: 'Service policy',
      tags: ['returns', 'exchange'],
      body: 'Unused items in original packaging can be returned within 7 days; defective items can be exchanged within 15 days.\n\nCustom-configured items and opened consumables cannot be returned.',
    },
    {
      title: 'What the switch port lights mean',
      category: 'Troubleshooting',
      tags: ['network', 'switch'],
      body: 'Solid green: linked. Blinking green: traffic. Amber: 100 Mb/s link. Off: no link or a failed port.\n\nIf a port stays dark with a known-good cable and device, open a support case.',
    },
    {
      title: 'Volume pricing',
      category: 'Sales policy',
      tags: ['quote', 'discount', 'volume'],
      body: 'Orders over $7,500 get 5% off, over $30,000 get 10% off; framework customers have their own price list.\n\nQuotes are valid for 30 days; sale items are not discounted further.',
    },
    {
      title: 'Remote assistance step by step',
      category: 'How-to',
      tags: ['remote assistance', 'support'],
      body: '1. Download the remote assistance tool from our website.\n2. Read the 9-digit code to the technician.\n3. Do not use mouse or keyboard while connected.\nThe tool exits afterwards and keeps no access.',
    },
    {
      title: '2019 printer firmware notes (retired)',
      category: 'How-to',
      tags: ['firmware', 'printer'],
      body: 'This model no longer receives firmware updates; kept for reference only.',
      status: 'archived',
    },
    {
      title: 'Server disk replacement (draft)',
      category: 'Troubleshooting',
      tags: ['server', 'disk'],
      body: 'To do: hot-swap steps and RAID rebuild time estimates.',
      status: 'draft',
    },
  ],
  campaigns: [
    {
      name: 'Product launch, {when}',
      channel: 'event',
      location: 'Javits Center, New York',
      description:
        'Launch of the new office device line for key accounts, with live demos and launch pricing.',
      budget: 12_000,
    },
    {
      name: 'Smart office webinar, {when}',
      channel: 'webinar',
      location: 'Online',
      description: 'Industry experts on digital workplace practice for small businesses.',
      budget: 2_000,
    },
    {
      name: 'Renewal reminder emails, {when}',
      channel: 'email',
      location: '',
      description: 'Renewal offers and a service recap for customers whose contracts expire soon.',
      budget: 500,
    },
    {
      name: 'Flash sale SMS, {when}',
      channel: 'sms',
      location: '',
      description: 'Text message notice of the limited-time mid-year discounts.',
      budget: 1_200,
    },
    {
      name: 'Office Expo Chicago, {when}',
      channel: 'event',
      location: 'McCormick Place, Chicago',
      description: 'Booth at the regional office equipment expo to collect leads.',
      budget: 18_000,
    },
    {
      name: 'LinkedIn content series from {when}',
      channel: 'social',
      location: '',
      description: 'Weekly tips and customer stories.',
      budget: 3_000,
    },
    {
      name: 'Search ads from {when}',
      channel: 'advertising',
      location: '',
      description: 'Ads on “office equipment supplier” and “printer leasing” keywords.',
      budget: 9_000,
    },
    {
      name: 'Customer appreciation night, {when}',
      channel: 'event',
      location: 'The Drake, Chicago',
      description: 'Annual customer dinner presenting next year’s service plan.',
      budget: 22_000,
    },
  ],
  relationshipNotes: {
    friend: ['The owners went to college together.', 'Play golf together most weekends.', ''],
    colleague: ['Worked at the same company.', 'Both on the chamber of commerce board.', ''],
    client: [
      'Buys their services regularly.',
      'One of their main customers.',
      'Annual framework partner.',
      '',
    ],
  },
  followUps: {
    lead: ['Intro call', 'Send company overview', 'Qualify needs and budget', 'Invite to showroom'],
    opportunity: [
      'Discovery meeting',
      'Send proposal',
      'Negotiate terms',
      'Chase purchase approval',
      'Product demo',
    ],
    case: ['Confirm the fix with the customer', 'Call to reproduce the issue', 'Schedule technician visit'],
  },
  subject: (template, who) => `${template}: ${who}`,
};
