import type { BuildingBlock, Localized } from '../vocabulary.ts'

export interface TemplateSection {
  key: string
  title: Localized
  questions: { nl: string[]; en: string[] }
  buildingBlock: BuildingBlock | null
}

export interface Template {
  id: string
  version: number
  sections: TemplateSection[]
}

/**
 * "Visie op digitalisering": the 13 sections of shared/domain/TEMPLATE.md with their guiding
 * questions, word for word. Sections 7–9 carry the building block the template names; 2 (visie)
 * and 11 (leiderschap en samenwerking) carry the block their subject is.
 */
export const DEFAULT_TEMPLATE: {
  id: 'visie-op-digitalisering'
  version: 1
  sections: TemplateSection[]
} = {
  id: 'visie-op-digitalisering',
  version: 1,
  sections: [
    {
      key: 'aanleiding',
      title: { nl: 'Aanleiding en doel', en: 'Context and purpose' },
      questions: {
        nl: [
          'Waarom schrijven we deze visie nu, en welke keuzes moet ze ons helpen maken?',
          'Welke ontwikkelingen raken ons (telefoons, AI, privacy, nieuwe kerndoelen, kosten, afhankelijkheid van grote techbedrijven)?',
          'Voor welke periode geldt de visie, en hoe hangt ze samen met ons schoolplan?',
        ],
        en: [
          'Why are we writing this vision now, and which decisions should it help us make?',
          'Which developments affect us (phones, AI, privacy, new core objectives, costs, dependency on big tech)?',
          'For which period does the vision hold, and how does it relate to our school plan?',
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'onderwijs',
      title: { nl: 'Ons onderwijs als vertrekpunt', en: 'Our education as the starting point' },
      questions: {
        nl: [
          'Wat is voor ons goed onderwijs? Vat het samen in drie tot vijf zinnen.',
          'Wat willen we dat leerlingen meenemen als ze onze school verlaten?',
          'Waar helpt technologie dat beeld, en waar staat ze het in de weg?',
        ],
        en: [
          'What is good education to us? Summarise it in three to five sentences.',
          'What should pupils take with them when they leave our school?',
          'Where does technology help that picture, and where does it get in the way?',
        ],
      },
      buildingBlock: 'visie',
    },
    {
      key: 'kernwaarden',
      title: { nl: 'Kernwaarden', en: 'Core values' },
      questions: {
        nl: [
          'Welke drie tot vijf waarden sturen onze keuzes over technologie (bijvoorbeeld menselijkheid, rechtvaardigheid, autonomie, gelijke kansen, betekenisvol contact, privacy)?',
          'Wat betekent elke waarde concreet in onze klassen?',
          'Als waarden botsen (gemak tegenover privacy, maatwerk tegenover contact), wat weegt dan het zwaarst, en waarom?',
        ],
        en: [
          'Which three to five values steer our choices about technology (for example humanity, justice, autonomy, equal opportunities, meaningful contact, privacy)?',
          'What does each value mean in our classrooms, concretely?',
          'When values conflict (convenience versus privacy, personalisation versus contact), which weighs most, and why?',
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'huidige-situatie',
      title: { nl: 'Waar staan we nu?', en: 'Where are we now?' },
      questions: {
        nl: [
          "Wat gebruiken we nu (apparaten, platforms, apps), en wat werkt goed of slecht voor leerlingen en collega's?",
          'Hoe in balans zijn visie, deskundigheid, inhoud en toepassingen, en infrastructuur?',
          'Welke zorgen en wensen hoor je steeds terug in het team?',
          'Hoe afhankelijk zijn we van enkele leveranciers, en weten we wat er met de gegevens van onze leerlingen gebeurt?',
        ],
        en: [
          'What do we use now (devices, platforms, apps), and what works well or badly for pupils and colleagues?',
          'How balanced are vision, expertise, content and applications, and infrastructure?',
          'Which worries and wishes keep coming back in the team?',
          "How dependent are we on a few suppliers, and do we know what happens to our pupils' data?",
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'ambities',
      title: { nl: 'Ambities', en: 'Ambitions' },
      questions: {
        nl: [
          'Wat zie je over drie tot vier jaar in onze klassen als digitalisering ons onderwijs goed dient?',
          'Wat verandert er voor leerlingen, voor leraren en voor ouders?',
          'Welke een of twee ambities hebben de hoogste prioriteit?',
        ],
        en: [
          'In three to four years, what will a visitor see in our classrooms when digitalisation serves our education well?',
          'What changes for pupils, for teachers and for parents?',
          'Which one or two ambitions come first?',
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'uitgangspunten',
      title: { nl: 'Uitgangspunten', en: 'Guiding principles' },
      questions: {
        nl: [
          'Aan welke uitgangspunten toetsen we elke digitale keuze ("Wij kiezen ..., omdat ...")?',
          'Wat spreken we af over telefoons, generatieve AI, schermtijd en de balans tussen analoog en digitaal?',
          'Welke beslissingen laten we aan het vakmanschap van de leraar, en welke nemen we samen?',
        ],
        en: [
          'Against which principles do we test every digital choice ("We choose ..., because ...")?',
          'What do we agree on phones, generative AI, screen time and the balance of analogue and digital?',
          "Which decisions do we leave to the teacher's professional judgement, and which do we take together?",
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'deskundigheid',
      title: {
        nl: 'Deskundigheid en professionalisering',
        en: 'Expertise and professional development',
      },
      questions: {
        nl: [
          'Wat moet elke collega digitaal kunnen, en wat hebben specialisten nodig?',
          'Hoe leren we van en met elkaar (tijd, coaching, praktijk delen)?',
          "Hoe komt dit terug in gesprekscycli en bij het inwerken van nieuwe collega's?",
        ],
        en: [
          'What should every colleague be able to do digitally, and what do specialists need?',
          'How do we learn from and with each other (time, coaching, sharing practice)?',
          'How does this show in appraisal conversations and in the induction of new staff?',
        ],
      },
      buildingBlock: 'deskundigheid',
    },
    {
      key: 'leermiddelen',
      title: {
        nl: 'Digitale leermiddelen en toepassingen',
        en: 'Digital learning materials and applications',
      },
      questions: {
        nl: [
          'Met welke criteria kiezen we materialen en apps (leeropbrengst, kwaliteit, privacy, toegankelijkheid, kosten, afhankelijkheid)?',
          'Wie beslist, en hoe evalueren we wat we al gebruiken?',
          'Waar kiezen we bewust voor analoog?',
        ],
        en: [
          'By which criteria do we choose materials and apps (learning benefit, quality, privacy, accessibility, cost, lock-in)?',
          'Who decides, and how do we evaluate what we already use?',
          'Where do we choose analogue on purpose?',
        ],
      },
      buildingBlock: 'inhoud-en-toepassingen',
    },
    {
      key: 'infrastructuur',
      title: {
        nl: 'Infrastructuur, privacy en veiligheid',
        en: 'Infrastructure, privacy and security',
      },
      questions: {
        nl: [
          'Is onze basisinfrastructuur (apparaten, netwerk, ondersteuning) betrouwbaar genoeg voor onze ambities?',
          "Hoe voldoen we aan de AVG en ons IBP-beleid (verwerkersovereenkomsten, DPIA's, dataminimalisatie), en hoe blijven we weerbaar bij incidenten?",
          'Wat regelen we via het bestuur, SIVON of samen met andere scholen?',
        ],
        en: [
          'Is our basic infrastructure (devices, network, support) reliable enough for our ambitions?',
          'How do we meet the GDPR and our information security and privacy policy (processing agreements, DPIAs, data minimisation), and stay resilient in incidents?',
          'What do we arrange through the board, SIVON or together with other schools?',
        ],
      },
      buildingBlock: 'ict-infrastructuur',
    },
    {
      key: 'digitale-geletterdheid',
      title: { nl: 'Digitale geletterdheid van leerlingen', en: "Pupils' digital literacy" },
      questions: {
        nl: [
          'Hoe geven we de nieuwe kerndoelen digitale geletterdheid een plek, in welke vakken en leerjaren?',
          'Hoe leren we leerlingen technologie en AI kritisch, veilig en verantwoord te gebruiken?',
          'Hoe betrekken we ouders?',
        ],
        en: [
          'How do we give the new digital literacy core objectives a place, in which subjects and years?',
          'How do we teach pupils to use technology and AI critically, safely and responsibly?',
          'How do we involve parents?',
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'leiderschap',
      title: { nl: 'Leiderschap en samenwerking', en: 'Leadership and collaboration' },
      questions: {
        nl: [
          'Wie stuurt, wie coördineert (ict-coördinator, i-coach), en wie denkt mee (team, leerlingen, ouders)?',
          'Wat verwachten we van het bestuur (strategisch personeelsbeleid, inkoop, IBP), en wat dragen we zelf bij?',
          'Met wie werken we samen, en onder welke voorwaarden?',
        ],
        en: [
          'Who steers, who coordinates (ICT coordinator, i-coach), and who is consulted (team, pupils, parents)?',
          'What do we expect from the board (strategic HR, procurement, privacy and security), and what do we contribute?',
          'With whom do we work, and on what terms?',
        ],
      },
      buildingBlock: 'leiderschap-en-samenwerking',
    },
    {
      key: 'actiepunten',
      title: { nl: 'Actiepunten', en: 'Action points' },
      questions: {
        nl: [
          'Wat zijn onze eerste drie tot vijf stappen, met eigenaar, datum en middelen?',
          'Waarmee stoppen we?',
          'Hoe weten we dat een stap gewerkt heeft?',
        ],
        en: [
          'What are our first three to five steps, with owner, date and resources?',
          'What do we stop doing?',
          'How will we know a step worked?',
        ],
      },
      buildingBlock: null,
    },
    {
      key: 'borging',
      title: {
        nl: 'Borging, besluitvorming en evaluatie',
        en: 'Embedding, decision-making and review',
      },
      questions: {
        nl: [
          'Welke delen gaan naar de MR (instemming of advies) en welke naar het bestuur om vast te stellen?',
          'Wanneer en hoe evalueren we (jaarlijks, en elke vier jaar helemaal), en wie neemt het initiatief?',
          "Hoe houden we de visie levend voor nieuwe collega's en nieuwe ontwikkelingen?",
        ],
        en: [
          'Which parts go to the MR (consent or advice) and which to the board for adoption?',
          'When and how do we evaluate (yearly, and fully every four years), and who starts it?',
          'How do we keep the vision alive for new colleagues and new developments?',
        ],
      },
      buildingBlock: null,
    },
  ],
}
