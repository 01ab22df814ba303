# Waarom een schrijfactie geweigerd werd (zie en/refusals.ftl).
refusal-not_on_roster = geschreven door een databank die niet op de ledenlijst van de organisatie staat
refusal-removed_member = geschreven door { $writer } nadat die van de ledenlijst is gehaald
refusal-managers_erase = alleen een netwerkmanager wist een persoon voor de organisatie
refusal-managers_restrict = alleen een netwerkmanager wijzigt of heft een bezwaar of beperking op
refusal-managers_write = alleen een netwerkmanager schrijft records van de soort { $kind }
refusal-forget_is_final = een vergeetrecord wordt nooit gewijzigd of verwijderd
refusal-visibility_owner_only = alleen de eigenaar beslist wie een record mag zien
refusal-belongs_to_keeper = een { $kind } hoort bij de netwerker die het bijhoudt
refusal-networker_card = alleen die netwerker (of een netwerkmanager) wijzigt de kaart van een netwerker
refusal-author_deletes = alleen de auteur of een netwerkmanager verwijdert een kaart waarop anderen kunnen rekenen
refusal-names_another_owner = noemt iemand anders als eigenaar van het record
refusal-not_the_signer = de bundel van een netwerker bevat alleen wat die netwerker zelf schreef
refusal-forged_own_write = gestempeld als geschreven door deze databank zelf, die het nooit schreef
refusal-private_here = de eigenaar houdt dit record privé in deze databank
refusal-kind_changed = verzonden als { $sent }, maar deze databank bewaart het als { $held }
refusal-invalid_value = { $problem }
refusal-summary_only = de eigenaar deelt van dit record ({ $kind }) alleen een samenvatting: het veld ‘{ $field }’ kan hier niet gewijzigd worden; vraag de eigenaar om het te delen
refusal-withdrawn = de eigenaar heeft dit record ({ $kind }) teruggetrokken: het veld ‘{ $field }’ kan hier niet gewijzigd worden; vraag de eigenaar om het te delen
refusal-restricted = { $name } ({ $person }) is gemarkeerd met { $status ->
    [objected] bezwaar
    [restricted] beperking
   *[other] { $status }
}: blijft buiten nieuwsbrieven en uitnodigingen tot een netwerkmanager de markering opheft
