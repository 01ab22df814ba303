# A partnership's red lines as people read them (the report, the partnership screens).
red-line-tag = no partner tagged “{ $tag }”
red-line-sector = no partner from the { $sector } sector
red-line-sector-public = public
red-line-sector-business = business
red-line-sector-social = social
red-line-sector-voluntary = voluntary
red-line-sector-knowledge = knowledge
red-line-sector-media = media
red-line-sector-other = other
