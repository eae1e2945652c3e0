
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'case-alert.default-heading': `សកម្មភាពបន្ទាន់`,
'checklist.default-heading': `ជំហានសកម្មភាព`,
'core.config-error.title': `មិនអាចបង្ហាញផ្នែកនេះបានទេ។`,
'countdown.default-heading': `ការរាប់ថយក្រោយ`,
'countdown.error.date': str`មិនអាចអានកាលបរិច្ឆេទ «${0}» បានទេ។ សូមប្រើកាលបរិច្ឆេទ ISO ដូចជា 2029-05-01។`,
'countdown.scheduled-for': str`គ្រោងធ្វើនៅថ្ងៃទី ${0}`,
'pledge.default-heading': `ចូលរួមប្ដេជ្ញា`,
    };
  