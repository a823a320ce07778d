c     VOACAP's VIRTIM and VERSY with REDMAP's interpolation, the coefficients read from the ASCII
c     files (as coefbinw.f and fof2binw.f read them): the six maps at a few points for IonosphericMapsTest.
      program maps
      COMMON /CON /D2R, DCL, GAMA, PI, PI2, PIO2, R2D, RZ, VOFL
      COMMON /RON /CLAT(5), CLONG(5), GLAT(5), RD(5), FI(3,5), YI(3,5),
     1HI(3,5), HPRIM(30,5), HTRUE(30,5), FVERT(30,5),KM,KFX, AFAC(30,5),
     2HTR(50,3), FNSQ(50,3)
      COMMON /GEOG /GYZ (5), RAT (5), GMDIP (5), CLCK (5), ABIY (5), ART
     1IC (5), SIGPAT (5), EPSPAT (5)
      COMMON /A11 /GAMMA (6)
      COMMON / ONE /   IA(6), IB(6), IKIM(10,6), ESLCOF(5,55),
     1                 ESMCOF(7,61), ESUCOF(5,55), F2COF(13,76),
     2                 FM3COF(9,49), ERCOF(9,22)
      COMMON / TIME / IT, GMT, UTIME(24), GMTR, XLMT(24), ITIM, JTX
      DIMENSION XESLCF(5,55,2), XESMCF(7,61,2), XESUCF(5,55,2),
     A XFM3CF(9,49,2),XERCOF(9,22,2),XF2COF(13,76,2)
      dimension DUD(5,12,5),FAM(14,12),SYS(9,16,6),FAKP(29,16,6),
     A FAKABP(2,6),ANEW(3),BNEW(3),ACHI(2),BCHI(2),FAKMAP(29,16),
     B ABMAP(2,3),F2D(16,6,6),PERR(9,4,6),XPMAP(29,16,2)
      DIMENSION IIA (6), IIB (6)
      character name*40
      DATA IIA / 1,276,703,978,1966,2407 /
      DATA IIB / 5, 7, 5, 13, 9, 9 /
      integer months(3)
      real ssns(3), gmts(3), lats(3), lons(3)
      data months/1,4,7/, ssns/10.,70.,140./, gmts/24.,5.,13./
      data lats/0.6627,-0.5,0.1/, lons/2.2,-1.0,0.5/
      D2R=.01745329251
      do i=1,6
      IA(i)=IIA(i)
      IB(i)=IIB(i)
      end do
      do 500 icase=1,3
      month=months(icase)
      ssn=ssns(icase)
      write(name,'(a,i2.2,a)') '../shared/data/itshfbc/coeff',
     +   month,'.asc'
      open(19,file=name,status='old')
      read(19,98) name
      read (19,98) name
      read (19,97) IKIM
      read (19,98) name
      read (19,99) DUD
      read (19,98) name
      read (19,99) FAM
      read (19,98) name
      read (19,99) SYS
      read (19,98) name
      read (19,99) FAKP
      read (19,98) name
      read (19,99) FAKABP
      read (19,98) name
      read (19,99) XFM3CF
      read (19,98) name
      read (19,99) ANEW,BNEW,ACHI,BCHI
      read (19,98) name
      read (19,99) FAKMAP
      read (19,98) name
      read (19,99) ABMAP
      read (19,98) name
      read (19,99) F2D
      read (19,98) name
      read (19,99) PERR
      read (19,98) name
      read (19,99) XESMCF
      read (19,98) name
      read (19,99) XPMAP
      read (19,98) name
      read (19,99) XESLCF
      read (19,98) name
      read (19,99) XESUCF
      read (19,98) name
      read (19,99) XERCOF
      close(19)
      open(19,file='../shared/data/itshfbc/fof2CCIR.asc')
      read(19,98) name
      do m=1,month
      read(19,98) name
      read(19,99) XF2COF
      end do
      close(19)
97    format(10I5)
98    format(a)
99    format(6e15.8)
      SSN100=100.-SSN
      DO 200 I=1,13
      DO 200 J=1,76
200   F2COF(I,J)=(XF2COF(I,J,1)*SSN100 + XF2COF(I,J,2)*SSN)/100.
      SSN150=150.-SSN
      SSN10=SSN-10.
      DO 210 I = 1,7
      DO 210 J = 1,61
210   ESMCOF(I,J)=(XESMCF(I,J,1)*SSN150 + XESMCF(I,J,2)*SSN10)/140.
      DO 230 I = 1,5
      DO 230 J = 1,55
      ESLCOF(I,J)=(XESLCF(I,J,1)*SSN150 + XESLCF(I,J,2)*SSN10)/140.
230   ESUCOF(I,J)=(XESUCF(I,J,1)*SSN150 + XESUCF(I,J,2)*SSN10)/140.
      DO 240 I = 1,9
      DO 240 J = 1,49
240   FM3COF(I,J)=(XFM3CF(I,J,1)*SSN100 + XFM3CF(I,J,2)*SSN)/100.
      DO 250 I = 1,9
      DO 250 J = 1,22
250   ERCOF(I,J)=(XERCOF(I,J,1)*SSN150 + XERCOF(I,J,2)*SSN10)/140.
      GMT=gmts(icase)
      CALL VIRTIM
      CLAT(1)=lats(icase)
      CLONG(1)=lons(icase)
      call magvar(CLAT(1), CLONG(1), 1, clg)
      call versy(1,6,1)
      write(*,'(i3,f6.0,f6.1,2f8.4,6f12.6)') month,ssn,gmt,clat(1),
     +  clong(1),(gamma(i),i=1,6)
500   continue
      end
