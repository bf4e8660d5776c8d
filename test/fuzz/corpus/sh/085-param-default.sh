unset u; e=
echo "${u-dflt} ${e-dflt} ${u:-dflt} ${e:-dflt}"
echo "${u+alt} ${e+alt} ${u:+alt} ${e:+alt}"
