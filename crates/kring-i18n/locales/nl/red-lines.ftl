# De rode lijnen van een partnerschap zoals mensen ze lezen (het rapport, de schermen).
red-line-tag = geen partner met label “{ $tag }”
red-line-sector = geen partner uit de { $sector }
red-line-sector-public = publieke sector
red-line-sector-business = privésector
red-line-sector-social = social-profitsector
red-line-sector-voluntary = verenigingssector
red-line-sector-knowledge = kennissector
red-line-sector-media = mediasector
red-line-sector-other = andere sector
