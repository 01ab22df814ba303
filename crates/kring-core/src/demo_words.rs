//! The words of the demo network in each language: departments, job titles, topics (which are
//! also the cards' tags), interaction summaries, follow-ups, notes, goals, Networking Teams,
//! partnerships, events. So a French or German user sees a coherent demo in their language.
//!
//! These are data, like the people's names, not messages: each list has one fixed length in every
//! language (the array types say so), so that a seed draws the same items whatever the language
//! and two demos of one seed differ only in their words. English speaks the Flemish demo's Dutch,
//! as Kring always has: the demo is a Flemish city's network, and the tests' golden answers are
//! written over it. Names of people, places and organisations stay as they are (names are data).
//! The terms follow `docs/glossary.md`.

use kring_i18n::Language;

/// The words [`crate::demo::generate`] writes. `{topic}` in a template is one of `topics`.
pub(crate) struct DemoWords {
    /// The owner's own organisation.
    pub city: &'static str,
    /// The tag on the owner's own organisation, which the manager's part of the demo leaves out.
    pub own_organisation_tag: &'static str,
    pub departments: [&'static str; 12],
    pub job_titles_internal: [&'static str; 6],
    pub titles: [&'static str; 14],
    /// The first three are the goals' themes: port, climate, EU funding.
    pub topics: [&'static str; 14],
    pub given_items: [&'static str; 6],
    pub received_items: [&'static str; 6],
    pub summaries: [&'static str; 8],
    pub follow_ups: [&'static str; 6],
    /// An interaction's outcome, with `{topic}`.
    pub outcome: &'static str,
    /// A private note, with `{given}` (the person's given name).
    pub private_note: &'static str,
    /// A shared note, with `{topic}`.
    pub shared_note: &'static str,
}

/// The words of the Manager of the Network's part ([`crate::manager::demo`]).
pub(crate) struct ManagerWords {
    /// (goal, description, the topic its priority stakeholders are tagged with, team)
    pub goals: [(&'static str, &'static str, &'static str, &'static str); 3],
    pub vision: &'static str,
    /// A team's purpose, with `{goal}`.
    pub purpose: &'static str,
    /// (partnership, the topic its partners are tagged with)
    pub partnerships: [(&'static str, &'static str); 2],
    pub accountability: &'static str,
    /// The first objective, with `{topic}`.
    pub objective: &'static str,
    pub objective_for_residents: &'static str,
    /// A red line on a tag (`tag:…`) and one in words.
    pub red_lines: [&'static str; 2],
    pub benefits_and_risks: &'static str,
    pub exit_arrangements: &'static str,
    /// A review's notes, with `{quarter}`.
    pub review_notes: &'static str,
    /// Reception, conference, workshop, newsletter.
    pub events: [&'static str; 4],
    pub location: &'static str,
    pub event_outcome: &'static str,
}

pub(crate) fn demo_words(language: Language) -> &'static DemoWords {
    match language {
        Language::English | Language::Dutch => &DUTCH,
        Language::French => &FRENCH,
        Language::German => &GERMAN,
    }
}

pub(crate) fn manager_words(language: Language) -> &'static ManagerWords {
    match language {
        Language::English | Language::Dutch => &DUTCH_MANAGER,
        Language::French => &FRENCH_MANAGER,
        Language::German => &GERMAN_MANAGER,
    }
}

const DUTCH: DemoWords = DemoWords {
    city: "Stad Antwerpen",
    own_organisation_tag: "eigen organisatie",
    departments: [
        "Internationale Relaties",
        "Economie",
        "Haven & Logistiek",
        "Onderwijs",
        "Cultuur",
        "Mobiliteit",
        "Klimaat & Energie",
        "Sociale Zaken",
        "Stadsontwikkeling",
        "Communicatie",
        "Digitalisering",
        "Wonen",
    ],
    job_titles_internal: [
        "beleidsmedewerker",
        "projectleider",
        "diensthoofd",
        "strategisch adviseur",
        "programmamanager",
        "relatiebeheerder",
    ],
    titles: [
        "directeur",
        "beleidsadviseur",
        "projectmanager",
        "CEO",
        "head of public affairs",
        "professor",
        "onderzoeker",
        "coördinator",
        "hoofdredacteur",
        "policy officer",
        "schepen",
        "voorzitter",
        "secretaris-generaal",
        "stakeholder manager",
    ],
    topics: [
        "haven",
        "klimaat",
        "EU-subsidies",
        "onderwijs",
        "cultuur",
        "mobiliteit",
        "wonen",
        "digitalisering",
        "integratie",
        "economie",
        "circulaire economie",
        "zorg",
        "veiligheid",
        "energie",
    ],
    given_items: [
        "introductie bij schepen",
        "spreker op stadsevent",
        "data over mobiliteit gedeeld",
        "steunbrief subsidieaanvraag",
        "werkbezoek georganiseerd",
        "advies over vergunning",
    ],
    received_items: [
        "toegang tot EU-netwerk",
        "studie gedeeld",
        "partner in projectvoorstel",
        "stageplaatsen",
        "cofinanciering",
        "informatie over wetgeving",
    ],
    summaries: [
        "Overleg over {topic}",
        "Werkbezoek rond {topic}",
        "Lunch: stand van zaken {topic}",
        "Call over subsidieaanvraag {topic}",
        "Netwerkevent: ontmoeting over {topic}",
        "Rondetafel {topic} met partners",
        "Opvolging projectvoorstel {topic}",
        "Kennismaking en verkenning {topic}",
    ],
    follow_ups: [
        "Verslag doorsturen",
        "Nota over {topic} bezorgen",
        "Afspraak plannen met schepen",
        "Contact leggen met collega van {topic}",
        "Offerte / budget nakijken",
        "Uitnodiging event versturen",
    ],
    outcome: "Afspraak gemaakt over {topic}",
    private_note: "Persoonlijk: {given} is mantelzorger, liever geen afspraken op woensdag.",
    shared_note: "Sterk geïnteresseerd in samenwerking rond {topic}.",
};

const FRENCH: DemoWords = DemoWords {
    city: "Ville d'Anvers",
    own_organisation_tag: "propre organisation",
    departments: [
        "Relations internationales",
        "Économie",
        "Port et logistique",
        "Enseignement",
        "Culture",
        "Mobilité",
        "Climat et énergie",
        "Affaires sociales",
        "Développement urbain",
        "Communication",
        "Numérique",
        "Logement",
    ],
    job_titles_internal: [
        "attaché",
        "chef de projet",
        "chef de service",
        "conseiller stratégique",
        "responsable de programme",
        "gestionnaire de relations",
    ],
    titles: [
        "directeur",
        "conseiller politique",
        "chef de projet",
        "CEO",
        "responsable des affaires publiques",
        "professeur",
        "chercheur",
        "coordinateur",
        "rédacteur en chef",
        "chargé de mission",
        "échevin",
        "président",
        "secrétaire général",
        "stakeholder manager",
    ],
    topics: [
        "port",
        "climat",
        "subsides européens",
        "enseignement",
        "culture",
        "mobilité",
        "logement",
        "numérique",
        "intégration",
        "économie",
        "économie circulaire",
        "soins",
        "sécurité",
        "énergie",
    ],
    given_items: [
        "introduction auprès de l'échevin",
        "orateur lors d'un événement de la ville",
        "données de mobilité partagées",
        "lettre de soutien à une demande de subsides",
        "visite de travail organisée",
        "avis sur un permis",
    ],
    received_items: [
        "accès à un réseau européen",
        "étude partagée",
        "partenaire d'une proposition de projet",
        "places de stage",
        "cofinancement",
        "informations sur la législation",
    ],
    summaries: [
        "Concertation sur le thème {topic}",
        "Visite de travail : {topic}",
        "Lunch : état des lieux – {topic}",
        "Appel sur la demande de subsides – {topic}",
        "Événement réseau : rencontre autour du thème {topic}",
        "Table ronde sur le thème {topic} avec les partenaires",
        "Suivi de la proposition de projet – {topic}",
        "Prise de contact et exploration – {topic}",
    ],
    follow_ups: [
        "Transmettre le compte rendu",
        "Envoyer une note sur le thème {topic}",
        "Planifier un rendez-vous avec l'échevin",
        "Mettre en contact avec un collègue chargé du thème {topic}",
        "Vérifier l'offre / le budget",
        "Envoyer l'invitation à l'événement",
    ],
    outcome: "Accord conclu sur le thème {topic}",
    private_note:
        "Personnel : {given} est aidant proche, de préférence pas de rendez-vous le mercredi.",
    shared_note: "Très intéressé par une collaboration sur le thème {topic}.",
};

const GERMAN: DemoWords = DemoWords {
    city: "Stadt Antwerpen",
    own_organisation_tag: "eigene Organisation",
    departments: [
        "Internationale Beziehungen",
        "Wirtschaft",
        "Hafen & Logistik",
        "Unterrichtswesen",
        "Kultur",
        "Mobilität",
        "Klima & Energie",
        "Soziales",
        "Stadtentwicklung",
        "Kommunikation",
        "Digitalisierung",
        "Wohnungswesen",
    ],
    job_titles_internal: [
        "Referent",
        "Projektleiter",
        "Dienstleiter",
        "strategischer Berater",
        "Programmmanager",
        "Beziehungsmanager",
    ],
    titles: [
        "Direktor",
        "Politikberater",
        "Projektmanager",
        "CEO",
        "Leiter Public Affairs",
        "Professor",
        "Forscher",
        "Koordinator",
        "Chefredakteur",
        "Referent",
        "Schöffe",
        "Vorsitzender",
        "Generalsekretär",
        "Stakeholder-Manager",
    ],
    topics: [
        "Hafen",
        "Klima",
        "EU-Fördermittel",
        "Unterricht",
        "Kultur",
        "Mobilität",
        "Wohnen",
        "Digitalisierung",
        "Integration",
        "Wirtschaft",
        "Kreislaufwirtschaft",
        "Pflege",
        "Sicherheit",
        "Energie",
    ],
    given_items: [
        "Vorstellung beim Schöffen",
        "Redner bei einer Veranstaltung der Stadt",
        "Mobilitätsdaten geteilt",
        "Unterstützungsschreiben für einen Förderantrag",
        "Arbeitsbesuch organisiert",
        "Beratung zu einer Genehmigung",
    ],
    received_items: [
        "Zugang zu einem EU-Netzwerk",
        "Studie geteilt",
        "Partner in einem Projektvorschlag",
        "Praktikumsplätze",
        "Kofinanzierung",
        "Informationen zur Gesetzgebung",
    ],
    summaries: [
        "Besprechung zum Thema {topic}",
        "Arbeitsbesuch zum Thema {topic}",
        "Mittagessen: Sachstand {topic}",
        "Anruf zum Förderantrag – {topic}",
        "Netzwerkveranstaltung: Austausch zum Thema {topic}",
        "Runder Tisch zum Thema {topic} mit Partnern",
        "Folgegespräch zum Projektvorschlag – {topic}",
        "Kennenlernen und Sondierung – {topic}",
    ],
    follow_ups: [
        "Protokoll weiterleiten",
        "Vermerk zum Thema {topic} zusenden",
        "Termin mit dem Schöffen vereinbaren",
        "Kontakt zu Kollegen für {topic} herstellen",
        "Angebot / Budget prüfen",
        "Einladung zur Veranstaltung versenden",
    ],
    outcome: "Vereinbarung zum Thema {topic} getroffen",
    private_note:
        "Persönlich: {given} pflegt einen Angehörigen, möglichst keine Termine am Mittwoch.",
    shared_note: "Stark an einer Zusammenarbeit zum Thema {topic} interessiert.",
};

const DUTCH_MANAGER: ManagerWords = ManagerWords {
    goals: [
        (
            "Haven en logistiek versterken",
            "Antwerpen blijft de tweede haven van Europa, met een duurzame logistieke keten.",
            "haven",
            "Team Haven",
        ),
        (
            "Europese middelen binnenhalen",
            "Meer EU-financiering voor stadsprojecten via sterke relaties in Brussel.",
            "EU-subsidies",
            "Team Europa",
        ),
        (
            "Klimaatneutrale stad 2030",
            "Samen met partners de uitstoot halveren tegen 2030.",
            "klimaat",
            "Team Klimaat",
        ),
    ],
    vision: "Elke prioritaire stakeholder heeft minstens één actieve, sterke relatie.",
    purpose: "Draagt bij aan: {goal}",
    partnerships: [
        ("Klimaatalliantie Antwerpen", "klimaat"),
        ("Haven-Stad Samenwerking", "haven"),
    ],
    accountability: "Levert data en een projectleider; rapporteert elk kwartaal.",
    objective: "Gezamenlijke aanpak rond {topic}",
    objective_for_residents: "Resultaten die bewoners merken",
    red_lines: [
        "tag:wapenhandel",
        "Geen samenwerking zonder transparante financiering",
    ],
    benefits_and_risks:
        "Kosten en opbrengsten 50/50; elke partner draagt zijn eigen personeelskosten.",
    exit_arrangements:
        "Opzeg met zes maanden; gedeelde data blijven beschikbaar voor beide partners.",
    review_notes: "Kwartaalreview {quarter}",
    events: [
        "Nieuwjaarsreceptie partners",
        "Havenconferentie",
        "Workshop klimaatplan",
        "Nieuwsbrief netwerk – najaar",
    ],
    location: "Stadhuis Antwerpen",
    event_outcome: "Twee nieuwe contacten voor het netwerk",
};

const FRENCH_MANAGER: ManagerWords = ManagerWords {
    goals: [
        (
            "Renforcer le port et la logistique",
            "Anvers reste le deuxième port d'Europe, avec une chaîne logistique durable.",
            "port",
            "Équipe Port",
        ),
        (
            "Obtenir des fonds européens",
            "Davantage de financements européens pour les projets de la ville grâce à des relations solides à Bruxelles.",
            "subsides européens",
            "Équipe Europe",
        ),
        (
            "Ville neutre pour le climat en 2030",
            "Réduire de moitié les émissions d'ici 2030, avec nos partenaires.",
            "climat",
            "Équipe Climat",
        ),
    ],
    vision: "Chaque partie prenante prioritaire a au moins une relation active et solide.",
    purpose: "Contribue à : {goal}",
    partnerships: [
        ("Alliance climat Anvers", "climat"),
        ("Coopération Port-Ville", "port"),
    ],
    accountability: "Fournit des données et un chef de projet ; rend compte chaque trimestre.",
    objective: "Approche commune sur le thème {topic}",
    objective_for_residents: "Des résultats que les habitants remarquent",
    red_lines: [
        "tag:commerce des armes",
        "Pas de collaboration sans financement transparent",
    ],
    benefits_and_risks:
        "Coûts et recettes 50/50 ; chaque partenaire prend en charge ses propres frais de personnel.",
    exit_arrangements:
        "Préavis de six mois ; les données partagées restent disponibles pour les deux partenaires.",
    review_notes: "Évaluation trimestrielle {quarter}",
    events: [
        "Réception de Nouvel An des partenaires",
        "Conférence portuaire",
        "Atelier plan climat",
        "Lettre d'information du réseau – automne",
    ],
    location: "Hôtel de ville d'Anvers",
    event_outcome: "Deux nouveaux contacts pour le réseau",
};

const GERMAN_MANAGER: ManagerWords = ManagerWords {
    goals: [
        (
            "Hafen und Logistik stärken",
            "Antwerpen bleibt der zweitgrößte Hafen Europas, mit einer nachhaltigen Logistikkette.",
            "Hafen",
            "Team Hafen",
        ),
        (
            "EU-Mittel einwerben",
            "Mehr EU-Förderung für städtische Projekte dank starker Beziehungen in Brüssel.",
            "EU-Fördermittel",
            "Team Europa",
        ),
        (
            "Klimaneutrale Stadt 2030",
            "Gemeinsam mit Partnern die Emissionen bis 2030 halbieren.",
            "Klima",
            "Team Klima",
        ),
    ],
    vision: "Jeder vorrangige Stakeholder hat mindestens eine aktive, starke Beziehung.",
    purpose: "Trägt bei zu: {goal}",
    partnerships: [
        ("Klimaallianz Antwerpen", "Klima"),
        ("Kooperation Hafen-Stadt", "Hafen"),
    ],
    accountability: "Liefert Daten und eine Projektleitung; berichtet jedes Quartal.",
    objective: "Gemeinsames Vorgehen zum Thema {topic}",
    objective_for_residents: "Ergebnisse, die die Einwohner spüren",
    red_lines: [
        "tag:Waffenhandel",
        "Keine Zusammenarbeit ohne transparente Finanzierung",
    ],
    benefits_and_risks:
        "Kosten und Erträge 50/50; jeder Partner trägt seine eigenen Personalkosten.",
    exit_arrangements:
        "Kündigung mit sechs Monaten Frist; geteilte Daten bleiben für beide Partner verfügbar.",
    review_notes: "Quartalsbewertung {quarter}",
    events: [
        "Neujahrsempfang der Partner",
        "Hafenkonferenz",
        "Workshop Klimaplan",
        "Netzwerk-Newsletter – Herbst",
    ],
    location: "Rathaus Antwerpen",
    event_outcome: "Zwei neue Kontakte für das Netzwerk",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_themes_of_goals_and_partnerships_are_topics_cards_are_tagged_with() {
        for language in Language::ALL {
            let (words, manager) = (demo_words(language), manager_words(language));
            for (_, _, topic, _) in manager.goals {
                assert!(words.topics.contains(&topic), "{language}: {topic}");
            }
            for (_, topic) in manager.partnerships {
                assert!(words.topics.contains(&topic), "{language}: {topic}");
            }
            assert!(manager.red_lines[0].starts_with("tag:"), "{language}");
        }
    }

    #[test]
    fn every_template_keeps_its_placeholder_in_every_language() {
        for language in Language::ALL {
            let (words, manager) = (demo_words(language), manager_words(language));
            let english = (
                demo_words(Language::English),
                manager_words(Language::English),
            );
            for (ours, theirs) in words.summaries.iter().zip(english.0.summaries) {
                assert_eq!(
                    ours.contains("{topic}"),
                    theirs.contains("{topic}"),
                    "{ours}"
                );
            }
            for (ours, theirs) in words.follow_ups.iter().zip(english.0.follow_ups) {
                assert_eq!(
                    ours.contains("{topic}"),
                    theirs.contains("{topic}"),
                    "{ours}"
                );
            }
            assert!(words.outcome.contains("{topic}"));
            assert!(words.shared_note.contains("{topic}"));
            assert!(words.private_note.contains("{given}"));
            assert!(manager.purpose.contains("{goal}"));
            assert!(manager.objective.contains("{topic}"));
            assert!(manager.review_notes.contains("{quarter}"));
        }
    }
}
